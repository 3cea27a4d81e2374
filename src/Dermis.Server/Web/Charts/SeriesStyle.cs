namespace Dermis.Server.Web.Charts;

/// <summary>How a time series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>
    /// Straight segments between points, with a marker at each point. Markers are left out when
    /// there are more points than one per 6 px of plot width: they would merge into a smear.
    /// </summary>
    LineWithMarkers,

    /// <summary>A step line that holds each value until the next point (counts, cumulative totals).</summary>
    Step,

    /// <summary>Markers only, no line (sparse or irregular measurements).</summary>
    Markers,
}
