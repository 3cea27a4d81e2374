namespace Dermis.Precision.Responders;

/// <summary>
/// Binary responder endpoints of atopic and hand eczema trials (trials.md §4.2, §4.5, §4.6, §4.9).
/// Each is decided on exact <see cref="decimal"/> values by <see cref="ResponderRules.Classify"/>.
/// </summary>
public enum ResponderEndpoint
{
    /// <summary>EASI-50: improvement (baseline − value) / baseline ≥ 50 %; EASI range 0–72.</summary>
    Easi50,

    /// <summary>EASI-75: improvement ≥ 75 % ("EASI 75 is defined as 75 % reduction from baseline", NCT05149313).</summary>
    Easi75,

    /// <summary>EASI-90: improvement ≥ 90 %.</summary>
    Easi90,

    /// <summary>vIGA-AD 0/1: value 0 or 1 and a reduction of ≥ 2 grades from baseline (Simpson 2020; NCT05149313); scale 0–4.</summary>
    IgaZeroOne,

    /// <summary>Peak-pruritus NRS: improvement ≥ 4 points among participants with baseline ≥ 4 (Yosipovitch 2019); scale 0–10.</summary>
    ItchFourPoint,

    /// <summary>HECSI-75: improvement ≥ 75 %; HECSI range 0–360 (dupilumab hand eczema trials).</summary>
    Hecsi75,
}

/// <summary>
/// How intercurrent events and missing values enter a responder endpoint (ICH E9(R1) estimand strategies).
/// </summary>
public enum IntercurrentEventRule
{
    /// <summary>
    /// Non-responder imputation, the composite strategy: a participant who is missing at the visit, or who
    /// had rescue therapy or discontinued treatment before it, is a non-responder (trials.md §5, [NRI-mdedge], [EST-qu]).
    /// </summary>
    NonResponderImputation,

    /// <summary>As observed: missing values are excluded (not evaluable) and intercurrent events are ignored.</summary>
    AsObserved,
}

/// <summary>The classification of one participant at one visit.</summary>
public enum ResponderOutcome
{
    /// <summary>Met the endpoint's threshold.</summary>
    Responder,

    /// <summary>Did not meet it, or was imputed a non-responder under <see cref="IntercurrentEventRule.NonResponderImputation"/>.</summary>
    NonResponder,

    /// <summary>
    /// Outside the endpoint's analysis population: no baseline, baseline 0 for a percent endpoint, itch baseline &lt; 4,
    /// IGA baseline &lt; 2, or a missing value under <see cref="IntercurrentEventRule.AsObserved"/>.
    /// </summary>
    NotEvaluable,
}
