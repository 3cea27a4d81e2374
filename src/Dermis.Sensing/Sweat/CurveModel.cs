namespace Dermis.Sensing.Sweat;

/// <summary>The calibration model relating analyte concentration x to the transducer response y (docs/sweat.md §Models).</summary>
public enum CurveModel
{
    /// <summary>
    /// Four-parameter logistic, y = D + (A − D) / (1 + (x/C)^B): A the response at zero, D at infinite concentration,
    /// C the inflection (EC50, in concentration units, &gt; 0), B the Hill slope. Parameters in order A, B, C, D.
    /// Source: Cardillo, "Four parameters logistic regression — There and back again", MATLAB File Exchange 38122;
    /// Findlay &amp; Dillard, AAPS J 9:E260 (2007), doi:10.1208/aapsj0902029.
    /// </summary>
    FourParameterLogistic,

    /// <summary>
    /// Five-parameter logistic, y = D + (A − D) / (1 + (x/C)^B)^E, with the asymmetry exponent E &gt; 0 (E = 1 is the 4PL).
    /// Parameters in order A, B, C, D, E. Source: Gottschalk &amp; Dunn, Anal Biochem 343:54 (2005), doi:10.1016/j.ab.2005.04.035.
    /// </summary>
    FiveParameterLogistic,

    /// <summary>
    /// Linear in log concentration, y = Intercept + Slope · log10(x), the EnLiSense practice of plotting the
    /// baseline-referenced impedance change against log10 concentration (Munje et al., Sci Rep 7:1950, 2017).
    /// Blanks (x = 0) cannot enter this fit; they still set the LOD. Parameters in order Intercept, Slope.
    /// </summary>
    LogLinear,
}
