namespace Dermis.Precision.Continuous;

/// <summary>Denominator degrees of freedom (and, for Kenward–Roger, the covariance) used for MMRM t tests and intervals.</summary>
public enum DegreesOfFreedomMethod
{
    /// <summary>N − p (observations minus fixed effects), the df R <c>nlme::gls</c> reports; model-based covariance.</summary>
    Residual,

    /// <summary>
    /// Satterthwaite (1946) df from the gradient of the contrast variance and the inverse observed REML information
    /// (as R <c>mmrm</c> and <c>lmerTest</c>); model-based covariance.
    /// </summary>
    Satterthwaite,

    /// <summary>
    /// Kenward &amp; Roger (1997, Biometrics 53:983–997, doi:10.2307/2533558): bias-adjusted covariance of the fixed effects
    /// and its df, with the inverse expected REML information, as SAS <c>DDFM=KR</c>.
    /// </summary>
    KenwardRoger,
}
