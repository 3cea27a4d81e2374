using Dermis.Precision.Advice;
using Dermis.Precision.Endpoints;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;

namespace Dermis.Server.Precision;

/// <summary>
/// Treatment advice for one participant (docs/statistics-prediction.md): a model per arm of EASI-75 at
/// the visit (NRI) on the baseline features of the study's randomised participants, applied to this
/// participant's baseline. Only for callers who may see every arm (<see cref="StudyStatistics.LoadAsync(TrialRequest, bool)"/>).
/// </summary>
internal static class ParticipantAdvice
{
    /// <summary>The advice for <paramref name="participant"/> at <paramref name="visit"/> (default: the primary visit).</summary>
    /// <exception cref="ForbiddenException">The caller is blinded or may not export.</exception>
    /// <exception cref="BadInputException">The visit is not an analysis visit.</exception>
    /// <exception cref="EntryRefusedException">The participant is not randomised to a compared arm, or the model cannot be fitted.</exception>
    public static async Task<(string Visit, TreatmentAdvice Advice)> ComputeAsync(TrialRequest request, string participant, string? visit)
    {
        var statistics = await StudyStatistics.LoadAsync(request);
        var dataset = statistics.Dataset();
        visit ??= EndpointAnalysis.DefaultPrimaryVisit(dataset.Visits);
        if (dataset.Visits.All(v => v.Id != visit))
        {
            throw BadInputException.Field("visit", $"'{visit}' is not an analysis visit; allowed: {string.Join(", ", dataset.Visits.Select(v => v.Id))}");
        }

        var subject = dataset.Participants.FirstOrDefault(p => p.Subject == participant)
            ?? throw new EntryRefusedException("not-randomised", $"{participant} is not randomised to {dataset.TreatedArm} or {dataset.ControlArm}; advice is for participants with a baseline.");
        var rows = PrecisionInputs.Advice(dataset, statistics.Features, visit);
        var features = PrecisionInputs.UsableFeatures(rows.Select(r => r.Baseline));
        if (features.Count == 0)
        {
            throw new EntryRefusedException("not-enough-data",
                $"No baseline feature varies between the {rows.Count} participants with a known {visit} outcome (each must be measured in at least a fifth of them); advice needs one.");
        }

        try
        {
            var advisor = TreatmentAdvisor.Fit(rows, features, new AdvisorOptions());
            return (visit, advisor.Advise(PrecisionInputs.Baseline(subject, statistics.Features.GetValueOrDefault(participant))));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new EntryRefusedException("not-enough-data",
                $"The advice model cannot be fitted on {rows.Count} participants with a known {visit} outcome: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
