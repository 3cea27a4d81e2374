namespace Dermis.Precision.Biomarkers;

/// <summary>
/// How a biomarker tracks an outcome, three ways: pooled correlations that ignore the repeated
/// measures (shown because readers expect them; their intervals are too narrow when participants
/// contribute several observations), the repeated-measures correlation (within-participant
/// association) and the slope of a random-intercept mixed model adjusted for time.
/// </summary>
/// <param name="Biomarker">Biomarker name.</param>
/// <param name="Outcome">Outcome name.</param>
/// <param name="Subjects">Participants.</param>
/// <param name="Observations">Observations (all pooled).</param>
/// <param name="Pearson">Pearson r over all observations pooled as if independent.</param>
/// <param name="PearsonLower">Lower 95 % limit, Fisher z: tanh(atanh r − 1.96/√(N − 3)) (R <c>cor.test</c>).</param>
/// <param name="PearsonUpper">Upper 95 % limit, same construction.</param>
/// <param name="Spearman">Spearman ρ over pooled observations (average ranks for ties).</param>
/// <param name="SpearmanP">Two-sided p by the t approximation with N − 2 df (R <c>cor.test(method = "spearman", exact = FALSE)</c>).</param>
/// <param name="RepeatedMeasuresCorrelation">rmcorr r (Bakdash &amp; Marusich 2017, doi:10.3389/fpsyg.2017.00456); NaN when the biomarker never varies within a participant.</param>
/// <param name="RmcorrLower">Lower 95 % limit, Fisher z with se 1/√(df − 3), df = N − S − 1 (as the rmcorr package, via psych::r.con).</param>
/// <param name="RmcorrUpper">Upper 95 % limit, same construction.</param>
/// <param name="RmcorrP">Two-sided p of the biomarker term in the ANCOVA outcome ~ subject + biomarker (F with 1 and df).</param>
/// <param name="MixedModelSlope">Fixed biomarker slope of Outcome ~ Biomarker + Time with a random intercept per participant, REML.</param>
/// <param name="MixedModelSlopeSe">Its model-based standard error.</param>
/// <param name="MixedModelP">Two-sided t-test p with nlme's containment df (see <see cref="MixedModelDf"/>).</param>
public sealed record BiomarkerAssociation(
    string Biomarker,
    string Outcome,
    int Subjects,
    int Observations,
    double Pearson,
    double PearsonLower,
    double PearsonUpper,
    double Spearman,
    double SpearmanP,
    double RepeatedMeasuresCorrelation,
    double RmcorrLower,
    double RmcorrUpper,
    double RmcorrP,
    double MixedModelSlope,
    double MixedModelSlopeSe,
    double MixedModelP)
{
    /// <summary>Residual df of the rmcorr ANCOVA, N − S − 1.</summary>
    public int RmcorrDf { get; init; }

    /// <summary>
    /// Denominator df of the slope test (nlme containment rule, Pinheiro &amp; Bates 2000 §4.2.1):
    /// N − S − (number of fixed terms varying within participants) when the biomarker varies within
    /// a participant, otherwise S − 1 − (number of between-participant terms).
    /// </summary>
    public int MixedModelDf { get; init; }

    /// <summary>REML estimate of the random-intercept standard deviation (between participants).</summary>
    public double RandomInterceptSd { get; init; }

    /// <summary>REML estimate of the residual standard deviation (within participants).</summary>
    public double ResidualSd { get; init; }
}
