namespace Dermis.Precision.Responders;

/// <summary>Responders among the evaluable participants of one arm.</summary>
/// <param name="Arm">Arm name.</param>
/// <param name="Responders">Participants classified <see cref="ResponderOutcome.Responder"/>.</param>
/// <param name="Evaluable">Responders plus non-responders (not-evaluable participants excluded).</param>
/// <param name="Rate">Responders / Evaluable; NaN when nobody is evaluable.</param>
public sealed record ArmResponse(string Arm, int Responders, int Evaluable, double Rate);

/// <summary>A stratum left out of the CMH test, and why.</summary>
/// <param name="Stratum">Stratum label.</param>
/// <param name="Reason">The zero margin: which arm is empty, or that all or none responded.</param>
public sealed record ExcludedStratum(string Stratum, string Reason);

/// <summary>A responder endpoint at one visit: rates per arm, the CMH test and the stratified MN risk difference.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Visit">Visit label, as given.</param>
/// <param name="Rule">How intercurrent events and missing values were handled.</param>
/// <param name="Arms">Treated arm first, then control.</param>
/// <param name="Cmh">CMH test over the strata without a zero margin; null when no stratum has both arms and both outcomes.</param>
/// <param name="Difference">Risk difference treated − control, stratified MN with CMH weights, 95 %; null when no stratum has both arms.</param>
public sealed record ResponderAnalysis(ResponderEndpoint Endpoint, string Visit, IntercurrentEventRule Rule, IReadOnlyList<ArmResponse> Arms, CmhResult? Cmh, RiskDifference? Difference)
{
    /// <summary>Per-stratum counts of evaluable participants (ordinal order of the stratum label).</summary>
    public IReadOnlyList<StratumCounts> Strata { get; init; } = [];

    /// <summary>Strata left out of the CMH test because of a zero margin (R gives them zero weight; see docs/statistics-responders.md).</summary>
    public IReadOnlyList<ExcludedStratum> ExcludedFromCmh { get; init; } = [];

    /// <summary>Participants of the two arms classified not evaluable.</summary>
    public int NotEvaluable { get; init; }
}
