namespace Dermis.Precision.Continuous;

/// <summary>Within-subject residual covariance of an MMRM over the scheduled visits.</summary>
public enum CovarianceStructure
{
    /// <summary>
    /// Unstructured: a free variance per visit and free correlations (T(T+1)/2 parameters), as R
    /// <c>nlme::gls(correlation = corSymm(), weights = varIdent(~1 | visit))</c> or SAS <c>TYPE=UN</c>.
    /// </summary>
    Unstructured,

    /// <summary>Compound symmetry: one variance and one common correlation, as R <c>corCompSymm</c> or SAS <c>TYPE=CS</c>.</summary>
    CompoundSymmetry,

    /// <summary>First-order autoregressive over the visit index: one variance, correlation ρ^|i−j|, as R <c>corAR1</c>.</summary>
    Ar1,
}
