namespace Dermis.Precision.Responders;

/// <summary>
/// The responder analysis of one endpoint at one visit: classify every participant (<see cref="ResponderRules.Classify"/>),
/// count per arm and stratum, CMH test (<see cref="CochranMantelHaenszel"/>) and stratified Miettinen–Nurminen risk difference
/// with CMH weights (<see cref="MiettinenNurminen"/>), the usual primary analysis of EASI-75 / IGA 0/1 in AD trials (trials.md §5).
/// </summary>
public static class ResponderAnalyses
{
    /// <summary>
    /// Analyses <paramref name="inputs"/> (one row per participant at <paramref name="visit"/>). Rows of other arms are ignored, so a
    /// multi-arm trial is analysed one comparison at a time. Strata with a zero margin are dropped from the CMH test with the reason in
    /// <see cref="ResponderAnalysis.ExcludedFromCmh"/> — R's mantelhaen.test gives them zero weight (and stops when a stratum has
    /// fewer than 2 participants). They stay in the risk difference when both arms are present, since d̂ₖ = 0 is information there.
    /// </summary>
    /// <exception cref="ArgumentException">Empty arm or visit names, equal arm names, a subject listed twice, or a score outside its instrument range.</exception>
    public static ResponderAnalysis Analyse(ResponderEndpoint endpoint, string visit, IReadOnlyList<ResponderInput> inputs, string treatedArm, string controlArm, IntercurrentEventRule rule)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrWhiteSpace(visit);
        ArgumentException.ThrowIfNullOrWhiteSpace(treatedArm);
        ArgumentException.ThrowIfNullOrWhiteSpace(controlArm);
        if (string.Equals(treatedArm, controlArm, StringComparison.Ordinal))
        {
            throw new ArgumentException($"treatedArm and controlArm are both '{treatedArm}'; allowed: two different arms.", nameof(controlArm));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cells = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // [responders treated, treated, responders control, control]
        int notEvaluable = 0;
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            var treated = string.Equals(input.Arm, treatedArm, StringComparison.Ordinal);
            if (!treated && !string.Equals(input.Arm, controlArm, StringComparison.Ordinal))
            {
                continue;
            }

            if (!seen.Add(input.Subject))
            {
                throw new ArgumentException($"inputs: subject '{input.Subject}' appears more than once at visit '{visit}'; allowed: one row per participant.", nameof(inputs));
            }

            var outcome = ResponderRules.Classify(endpoint, input, rule);
            if (outcome == ResponderOutcome.NotEvaluable)
            {
                notEvaluable++;
                continue;
            }

            if (!cells.TryGetValue(input.Stratum ?? string.Empty, out var cell))
            {
                cell = new int[4];
                cells.Add(input.Stratum ?? string.Empty, cell);
            }

            var offset = treated ? 0 : 2;
            cell[offset + 1]++;
            if (outcome == ResponderOutcome.Responder)
            {
                cell[offset]++;
            }
        }

        var strata = new List<StratumCounts>(cells.Count);
        var excluded = new List<ExcludedStratum>();
        int rt = 0, nt = 0, rc = 0, nc = 0;
        foreach (var (name, c) in cells)
        {
            var counts = new StratumCounts(name, c[0], c[1], c[2], c[3]);
            strata.Add(counts);
            (rt, nt, rc, nc) = (rt + c[0], nt + c[1], rc + c[2], nc + c[3]);
            if (!counts.HasNoZeroMargin)
            {
                excluded.Add(new ExcludedStratum(name, ZeroMarginReason(counts)));
            }
        }

        var informative = strata.Count - excluded.Count;
        var cmh = informative > 0 ? CochranMantelHaenszel.Test(strata) : null;
        var withBothArms = strata.Exists(s => s.TotalTreated > 0 && s.TotalControl > 0);
        var difference = withBothArms ? MiettinenNurminen.Stratified(strata) : null;
        ArmResponse[] arms =
        [
            new(treatedArm, rt, nt, nt == 0 ? double.NaN : (double)rt / nt),
            new(controlArm, rc, nc, nc == 0 ? double.NaN : (double)rc / nc),
        ];
        return new ResponderAnalysis(endpoint, visit, rule, arms, cmh, difference)
        {
            Strata = strata,
            ExcludedFromCmh = excluded,
            NotEvaluable = notEvaluable,
        };
    }

    private static string ZeroMarginReason(StratumCounts s) =>
        s.TotalTreated == 0 ? "no evaluable participant in the treated arm"
        : s.TotalControl == 0 ? "no evaluable participant in the control arm"
        : s.RespondersTreated + s.RespondersControl == 0 ? "no evaluable participant responded"
        : "every evaluable participant responded";
}
