namespace Dermis.Sensing.Sweat;

/// <summary>Settings of <see cref="CalibrationFitter"/>.</summary>
public sealed record CalibrationFitOptions
{
    /// <summary>The defaults: blanks in the logistic fits, concentrations in pg/mL.</summary>
    public static CalibrationFitOptions Default { get; } = new();

    /// <summary>
    /// Whether blanks (concentration 0) enter the 4PL/5PL fit, anchoring A; default true (the Cardillo ELISA example
    /// fits its zero standard). The log-linear model never fits blanks (log10 0 is undefined). Blanks always set the LOD.
    /// </summary>
    public bool IncludeBlanksInFit { get; init; } = true;

    /// <summary>The UCUM unit of the standards' concentrations, stored with the curve; default "pg/mL" (biomarkers.md §2.5).</summary>
    public string ConcentrationUnit { get; init; } = Cytokines.PicogramsPerMillilitre;
}
