namespace Dermis.Precision.Responders;

/// <summary>
/// Classifies one participant at one visit for a responder endpoint. All thresholds are compared on exact
/// <see cref="decimal"/> values by multiplication, never through a binary-floating ratio: with doubles
/// (24.4 − 6.1) / 24.4 is 0.7499999999999999 and would miss EASI-75 (trials.md §4.2).
/// </summary>
public static class ResponderRules
{
    /// <summary>Minimum baseline itch NRS for the ≥ 4-point endpoint: below it a 4-point improvement is impossible or meaningless (trials.md §4.9).</summary>
    public const decimal ItchMinimumBaseline = 4m;

    /// <summary>Minimum baseline vIGA-AD for the IGA 0/1 endpoint: below 2 a 2-grade reduction cannot happen.</summary>
    public const decimal IgaMinimumBaseline = 2m;

    /// <summary>
    /// Classifies <paramref name="input"/> for <paramref name="endpoint"/> under <paramref name="rule"/>.
    /// Order of the decisions: (1) analysis population — a missing baseline, a baseline of 0 for a percent endpoint
    /// (percent change undefined, trials.md §4.2), itch baseline &lt; 4 or IGA baseline &lt; 2 is
    /// <see cref="ResponderOutcome.NotEvaluable"/> under either rule; (2) intercurrent events — under
    /// <see cref="IntercurrentEventRule.NonResponderImputation"/> rescue or discontinuation before the visit, or a missing
    /// value, is <see cref="ResponderOutcome.NonResponder"/> (composite strategy); under
    /// <see cref="IntercurrentEventRule.AsObserved"/> a missing value is not evaluable and events are ignored;
    /// (3) the threshold: EASI-x / HECSI-75 improvement 100 × (baseline − value) ≥ x × baseline; IGA 0/1 value ≤ 1
    /// and baseline − value ≥ 2; itch baseline − value ≥ 4.
    /// </summary>
    /// <exception cref="ArgumentException">An undefined enum value, or a baseline or value outside the instrument's range
    /// (EASI 0–72, HECSI 0–360, vIGA-AD integer 0–4, NRS 0–10; weekly NRS means may be fractional).</exception>
    public static ResponderOutcome Classify(ResponderEndpoint endpoint, ResponderInput input, IntercurrentEventRule rule)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentException($"rule = {(int)rule} is not an IntercurrentEventRule; allowed NonResponderImputation or AsObserved.", nameof(rule));
        }

        var (maximum, integer, name) = Range(endpoint);
        CheckScore(input.Baseline, maximum, integer, name, "Baseline", input.Subject, nameof(input));
        CheckScore(input.Value, maximum, integer, name, "Value", input.Subject, nameof(input));

        if (input.Baseline is not { } baseline || !InPopulation(endpoint, baseline))
        {
            return ResponderOutcome.NotEvaluable;
        }

        if (rule == IntercurrentEventRule.NonResponderImputation && (input.RescuedBefore || input.DiscontinuedBefore))
        {
            return ResponderOutcome.NonResponder;
        }

        if (input.Value is not { } value)
        {
            return rule == IntercurrentEventRule.NonResponderImputation ? ResponderOutcome.NonResponder : ResponderOutcome.NotEvaluable;
        }

        return Meets(endpoint, baseline, value) ? ResponderOutcome.Responder : ResponderOutcome.NonResponder;
    }

    /// <summary>The instrument's maximum, whether it is integer-valued, and its name for messages.</summary>
    internal static (decimal Maximum, bool Integer, string Name) Range(ResponderEndpoint endpoint) => endpoint switch
    {
        ResponderEndpoint.Easi50 or ResponderEndpoint.Easi75 or ResponderEndpoint.Easi90 => (72m, false, "EASI"),
        ResponderEndpoint.Hecsi75 => (360m, false, "HECSI"),
        ResponderEndpoint.IgaZeroOne => (4m, true, "vIGA-AD"),
        ResponderEndpoint.ItchFourPoint => (10m, false, "peak-pruritus NRS"),
        _ => throw new ArgumentException(
            $"endpoint = {(int)endpoint} is not a ResponderEndpoint; allowed Easi50, Easi75, Easi90, IgaZeroOne, ItchFourPoint, Hecsi75.", nameof(endpoint)),
    };

    private static void CheckScore(decimal? score, decimal maximum, bool integer, string instrument, string field, string subject, string parameterName)
    {
        if (score is not { } s)
        {
            return;
        }

        if (s < 0m || s > maximum)
        {
            throw new ArgumentException($"input.{field} = {s} for subject '{subject}' is outside the {instrument} range 0–{maximum}.", parameterName);
        }

        if (integer && decimal.Truncate(s) != s)
        {
            throw new ArgumentException($"input.{field} = {s} for subject '{subject}' is not a whole {instrument} grade; allowed 0, 1, 2, 3, 4.", parameterName);
        }
    }

    private static bool InPopulation(ResponderEndpoint endpoint, decimal baseline) => endpoint switch
    {
        ResponderEndpoint.IgaZeroOne => baseline >= IgaMinimumBaseline,
        ResponderEndpoint.ItchFourPoint => baseline >= ItchMinimumBaseline,
        _ => baseline > 0m,
    };

    private static bool Meets(ResponderEndpoint endpoint, decimal baseline, decimal value) => endpoint switch
    {
        ResponderEndpoint.Easi50 => ImprovedByPercent(baseline, value, 50m),
        ResponderEndpoint.Easi75 or ResponderEndpoint.Hecsi75 => ImprovedByPercent(baseline, value, 75m),
        ResponderEndpoint.Easi90 => ImprovedByPercent(baseline, value, 90m),
        ResponderEndpoint.IgaZeroOne => value <= 1m && baseline - value >= 2m,
        ResponderEndpoint.ItchFourPoint => baseline - value >= 4m,
        _ => throw new ArgumentException($"endpoint = {endpoint} has no rule.", nameof(endpoint)),
    };

    // (baseline − value) / baseline ≥ p / 100 rewritten without division, so the comparison is exact in decimal.
    private static bool ImprovedByPercent(decimal baseline, decimal value, decimal percent) =>
        (baseline - value) * 100m >= percent * baseline;
}
