using Dermis.Precision.Continuous;

namespace Dermis.Precision.Endpoints;

/// <summary>
/// The continuous endpoints derived from the scores: EASI and HECSI percent change from baseline
/// (100 × (value − baseline) / baseline; participants with a baseline of 0 are left out) and the
/// change in the weekly itch NRS mean. The response is observed-case: a missing visit, or a visit
/// after discontinuation, stays missing and the MMRM handles it under missing at random.
/// </summary>
internal static class ContinuousEndpoints
{
    /// <summary>A continuous endpoint: its name, unit, score and whether it is a percent change.</summary>
    public sealed record Definition(string Name, string Unit, Func<EndpointValues, decimal?> Score, bool PercentChange);

    private static readonly Definition[] All =
    [
        new("EASI percent change", "%", v => v.Easi, true),
        new("Itch NRS change", "points", v => v.Itch, false),
        new("HECSI percent change", "%", v => v.Hecsi, true),
    ];

    /// <summary>The endpoints with a baseline in at least two participants.</summary>
    public static IEnumerable<Definition> Of(EndpointDataset dataset) =>
        All.Where(d => dataset.Participants.Count(p => d.Score(p.Baseline) is > 0) >= 2);

    /// <summary>One row per participant and analysis visit (response null where missing), for participants with a usable baseline.</summary>
    public static List<ContinuousObservation> Observations(EndpointDataset dataset, Definition endpoint)
    {
        var rows = new List<ContinuousObservation>();
        foreach (var participant in dataset.Participants)
        {
            if (endpoint.Score(participant.Baseline) is not { } baseline || (endpoint.PercentChange && baseline <= 0))
            {
                continue;
            }

            foreach (var visit in dataset.Visits)
            {
                double? response = null;
                if (participant.Visits.FirstOrDefault(v => v.Visit == visit.Id) is { } at && endpoint.Score(at.Values) is { } value)
                {
                    response = endpoint.PercentChange ? (double)((value - baseline) * 100m / baseline) : (double)(value - baseline);
                }

                rows.Add(new ContinuousObservation(participant.Subject, participant.Arm, visit.Id, (double)baseline, response, participant.Strata));
            }
        }

        return rows;
    }
}
