namespace Dermis.Sensing.Sweat;

/// <summary>Whether the fitted response rises or falls with concentration.</summary>
public enum CurveDirection
{
    /// <summary>The response rises with concentration (sandwich immunoassays, impedance change in %).</summary>
    Increasing,

    /// <summary>The response falls with concentration (competitive assays, raw impedance in some sensors).</summary>
    Decreasing,
}
