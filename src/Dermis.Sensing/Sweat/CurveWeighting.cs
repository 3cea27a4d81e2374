namespace Dermis.Sensing.Sweat;

/// <summary>
/// Weights of the least-squares calibration fit. Immunoassay responses are heteroscedastic (the SD grows with the
/// signal), so weighting by an inverse variance model is common practice (Findlay &amp; Dillard, AAPS J 9:E260, 2007;
/// Gottschalk &amp; Dunn 2005). The weight is evaluated at the observed response of each standard, with |y| floored at
/// 1 % of the largest |y| so that blanks near zero do not take all the weight. 1/x weighting is not offered: blanks
/// (x = 0) are part of the fit and would get an infinite weight.
/// </summary>
public enum CurveWeighting
{
    /// <summary>Ordinary least squares, every standard weight 1 (the reference fits of biomarkers.md §2.6).</summary>
    None,

    /// <summary>w = 1/|y| (variance proportional to the response, Poisson-like counting signals).</summary>
    OneOverY,

    /// <summary>w = 1/y² (constant coefficient of variation, the common immunoassay weighting).</summary>
    OneOverY2,
}
