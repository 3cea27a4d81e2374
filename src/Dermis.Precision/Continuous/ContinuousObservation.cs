namespace Dermis.Precision.Continuous;

/// <summary>
/// One scheduled subject-visit of a continuous endpoint (for example change from baseline in EASI) as the MMRM and the
/// ANCOVA read it.
/// </summary>
/// <param name="Subject">Subject identifier; every row of a subject must carry the same arm, baseline and strata.</param>
/// <param name="Arm">Randomised arm of the subject.</param>
/// <param name="Visit">Post-baseline visit name; must appear in <see cref="MmrmOptions.VisitOrder"/> for the MMRM.</param>
/// <param name="Baseline">Baseline value of the endpoint (finite), used as a covariate.</param>
/// <param name="Response">Response at the visit; <see langword="null"/> when the scheduled visit has no value (missing).</param>
/// <param name="Strata">The subject's level of each stratification factor, in the same factor order on every row.</param>
public sealed record ContinuousObservation(
    string Subject,
    string Arm,
    string Visit,
    double Baseline,
    double? Response,
    IReadOnlyList<string> Strata);
