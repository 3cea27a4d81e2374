using Dermis.Precision.Biomarkers;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Prediction;

namespace Dermis.Server.Precision;

/// <summary>A biomarker × outcome pair the association could not be computed for, with the reason.</summary>
/// <param name="Biomarker">Biomarker name.</param>
/// <param name="Outcome">Outcome name.</param>
/// <param name="Observations">Pairs available.</param>
/// <param name="Reason">Why it was skipped (too few subjects, constant values).</param>
public sealed record SkippedAssociation(string Biomarker, string Outcome, int Observations, string Reason);

/// <summary>The study-level models shared by the API and the command line: early response and biomarker association.</summary>
public static class StudyModels
{
    /// <summary>
    /// Cross-validated penalised logistic regression of EASI-75 at <paramref name="late"/> (NRI) on early response at
    /// <paramref name="early"/>, arm and baseline features (docs/statistics-prediction.md).
    /// </summary>
    /// <exception cref="ArgumentException">A visit is not an analysis visit (ParamName <c>early</c> or <c>late</c>), or the model cannot be fitted on these data (ParamName <c>statistics</c>).</exception>
    public static CrossValidatedPrediction EarlyResponse(StudyStatistics statistics, string early, string late)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var dataset = statistics.Dataset();
        foreach (var (field, visit) in new[] { ("early", early), ("late", late) })
        {
            if (dataset.Visits.All(v => v.Id != visit))
            {
                throw new ArgumentException($"'{visit}' is not an analysis visit; allowed: {string.Join(", ", dataset.Visits.Select(v => v.Id))}", field);
            }
        }

        var rows = PrecisionInputs.EarlyResponse(dataset, statistics.Features, early, late);
        var features = PrecisionInputs.UsableFeatures(rows.Select(r => r.Features));
        try
        {
            return EarlyResponsePrediction.Run(rows, features, new LogisticOptions());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException($"The early-response model cannot be fitted on {rows.Count} participants with a known {late} outcome: {e.Message.Split(" (Parameter", 2)[0]}", nameof(statistics), e);
        }
    }

    /// <summary>Every biomarker × outcome association that can be computed, and the pairs that cannot with the reason.</summary>
    public static (IReadOnlyList<BiomarkerAssociation> Associations, IReadOnlyList<SkippedAssociation> Skipped) Biomarkers(StudyStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var results = new List<BiomarkerAssociation>();
        var skipped = new List<SkippedAssociation>();
        foreach (var ((biomarker, outcome), data) in PrecisionInputs.Biomarkers(statistics.Dataset(), statistics.Features)
                     .OrderBy(p => p.Key.Biomarker, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            try
            {
                results.Add(BiomarkerAssociations.Analyse(biomarker, outcome, data));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                skipped.Add(new SkippedAssociation(biomarker, outcome, data.Count, e.Message.Split(" (Parameter", 2)[0]));
            }
        }

        return (results, skipped);
    }

    /// <summary>The default early and late visits: the primary visit (week 16) and the last visit.</summary>
    public static (string Early, string Late) DefaultVisits(EndpointDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return (EndpointAnalysis.DefaultPrimaryVisit(dataset.Visits), dataset.Visits[^1].Id);
    }
}
