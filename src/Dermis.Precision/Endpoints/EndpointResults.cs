using Dermis.Precision.Continuous;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Endpoints;

/// <summary>The endpoint analyses of a study (<see cref="EndpointAnalysis.Run"/>).</summary>
/// <param name="Study">Study id.</param>
/// <param name="TreatedArm">The arm compared.</param>
/// <param name="ControlArm">The reference arm.</param>
/// <param name="PrimaryVisit">The visit of the primary comparison (ANCOVA, forest plot).</param>
/// <param name="Visits">Analysis visits in protocol order.</param>
/// <param name="Participants">Randomised participants per arm.</param>
/// <param name="Responders">Every responder endpoint × visit × intercurrent-event rule.</param>
/// <param name="Continuous">Every continuous endpoint: MMRM over the visits and ANCOVA at the primary visit.</param>
public sealed record EndpointResults(
    string Study,
    string TreatedArm,
    string ControlArm,
    string PrimaryVisit,
    IReadOnlyList<AnalysisVisit> Visits,
    IReadOnlyDictionary<string, int> Participants,
    IReadOnlyList<ResponderAnalysis> Responders,
    IReadOnlyList<ContinuousEndpointResult> Continuous);

/// <summary>One continuous endpoint's models; a model that could not be fitted carries the reason instead.</summary>
/// <param name="Endpoint">Endpoint name, e.g. <c>EASI percent change</c>.</param>
/// <param name="Unit">Unit of the response, e.g. <c>%</c> or <c>points</c>.</param>
/// <param name="Mmrm">The MMRM fit, or null.</param>
/// <param name="MmrmProblem">Why the MMRM is absent (too few participants, no convergence), or null.</param>
/// <param name="Ancova">The ANCOVA at the primary visit, or null.</param>
/// <param name="AncovaProblem">Why the ANCOVA is absent, or null.</param>
public sealed record ContinuousEndpointResult(
    string Endpoint,
    string Unit,
    MmrmResult? Mmrm,
    string? MmrmProblem,
    AncovaResult? Ancova,
    string? AncovaProblem)
{
    /// <summary>When the MMRM used another covariance than requested (the requested one did not converge), which and why; else null.</summary>
    public string? CovarianceNote { get; init; }
}
