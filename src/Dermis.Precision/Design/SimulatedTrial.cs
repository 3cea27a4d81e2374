using Dermis.Precision.Responders;

namespace Dermis.Precision.Design;

/// <summary>One visit of a simulated participant, rounded as the instruments are reported.</summary>
/// <param name="Week">Visit week.</param>
/// <param name="Easi">EASI 0–72, one decimal; null after discontinuation.</param>
/// <param name="Iga">vIGA-AD, integer 0–4; null after discontinuation.</param>
/// <param name="Itch">Peak-pruritus NRS weekly score, integer 0–10; null after discontinuation.</param>
/// <param name="RescuedBefore">Rescue therapy started before this visit.</param>
/// <param name="DiscontinuedBefore">Discontinued before this visit (the values are then missing).</param>
public sealed record SimulatedVisit(int Week, decimal? Easi, decimal? Iga, decimal? Itch, bool RescuedBefore, bool DiscontinuedBefore);

/// <summary>A simulated participant with baseline and visits (the first visit is the baseline, week 0).</summary>
/// <param name="Subject">Identifier "S0001", …</param>
/// <param name="Arm">Randomised arm.</param>
/// <param name="Region">Region.</param>
/// <param name="Stratum">Randomisation stratum "region/IGAk".</param>
/// <param name="BaselineEasi">Baseline EASI, 16–72, one decimal.</param>
/// <param name="BaselineIga">Baseline vIGA-AD, 3 or 4.</param>
/// <param name="BaselineItch">Baseline peak-pruritus NRS, integer 0–10.</param>
/// <param name="Visits">All visits in week order, baseline included.</param>
public sealed record SimulatedParticipant(string Subject, string Arm, string Region, string Stratum, decimal BaselineEasi, decimal BaselineIga, decimal BaselineItch, IReadOnlyList<SimulatedVisit> Visits);

/// <summary>A simulated trial: its settings and participants in randomisation order.</summary>
/// <param name="Settings">The settings used.</param>
/// <param name="Participants">Participants.</param>
public sealed record SimulatedTrial(TrialSettings Settings, IReadOnlyList<SimulatedParticipant> Participants)
{
    /// <summary>One <see cref="ResponderInput"/> per participant for <paramref name="endpoint"/> at <paramref name="week"/>, ready for <see cref="ResponderAnalyses.Analyse"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="week"/> is not a visit week, or the endpoint is HECSI-75 (not simulated).</exception>
    public IReadOnlyList<ResponderInput> ResponderInputs(ResponderEndpoint endpoint, int week)
    {
        var index = -1;
        for (var i = 0; i < Settings.VisitWeeks.Count; i++)
        {
            if (Settings.VisitWeeks[i] == week)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            throw new ArgumentException($"week = {week} is not a visit week; allowed {string.Join(", ", Settings.VisitWeeks)}.", nameof(week));
        }

        if (endpoint == ResponderEndpoint.Hecsi75 || !Enum.IsDefined(endpoint))
        {
            throw new ArgumentException($"endpoint = {endpoint}; the simulator records EASI, vIGA-AD and itch NRS only (allowed Easi50, Easi75, Easi90, IgaZeroOne, ItchFourPoint).", nameof(endpoint));
        }

        var rows = new ResponderInput[Participants.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var p = Participants[i];
            var v = p.Visits[index];
            var (baseline, value) = endpoint switch
            {
                ResponderEndpoint.IgaZeroOne => (p.BaselineIga, v.Iga),
                ResponderEndpoint.ItchFourPoint => (p.BaselineItch, v.Itch),
                _ => (p.BaselineEasi, v.Easi),
            };
            rows[i] = new ResponderInput(p.Subject, p.Arm, p.Stratum, baseline, value, v.RescuedBefore, v.DiscontinuedBefore);
        }

        return rows;
    }
}
