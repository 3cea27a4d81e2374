namespace Dermis.Sensing.Sweat;

/// <summary>The period of a <see cref="CytokineSummary"/>.</summary>
public enum SummaryPeriod
{
    /// <summary>A UTC clock hour.</summary>
    Hour,

    /// <summary>A UTC calendar day.</summary>
    Day,
}

/// <summary>Summary of one cytokine at one skin location over one hour or day (<see cref="SweatSeries.Summarise"/>).</summary>
/// <param name="Cytokine">The analyte.</param>
/// <param name="Location">The skin location.</param>
/// <param name="Lesional">Whether the location is lesional.</param>
/// <param name="Period">Hour or day.</param>
/// <param name="PeriodStartUtc">Start of the hour or day (UTC).</param>
/// <param name="Count">All readings in the cell, failed channels included.</param>
/// <param name="QuantifiableCount">Readings with a usable concentration (<see cref="CytokineReading.IsQuantifiable"/>).</param>
/// <param name="BelowLodCount">Readings flagged &lt; LOD.</param>
/// <param name="FractionBelowLod">BelowLodCount / (Count − failed channels); null when every reading failed.</param>
/// <param name="Median">Median concentration of the quantifiable readings; null when there are none.</param>
/// <param name="MeanLog10">Mean of log10 concentration of the quantifiable readings; null when there are none.</param>
/// <param name="GeometricMean">10^MeanLog10; null when there are none. Readings &lt; LOD are left out, so with a high FractionBelowLod it overstates the level.</param>
public sealed record CytokineSummary(
    string Cytokine,
    string Location,
    bool Lesional,
    SummaryPeriod Period,
    DateTimeOffset PeriodStartUtc,
    int Count,
    int QuantifiableCount,
    int BelowLodCount,
    double? FractionBelowLod,
    double? Median,
    double? MeanLog10,
    double? GeometricMean);

/// <summary>Lesional against non-lesional skin for one cytokine on one day (<see cref="SweatSeries.LesionalContrasts"/>).</summary>
/// <param name="Cytokine">The analyte.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="LesionalCount">Quantifiable lesional readings (all lesional locations pooled).</param>
/// <param name="NonLesionalCount">Quantifiable non-lesional readings.</param>
/// <param name="LesionalGeometricMean">Geometric mean concentration on lesional skin.</param>
/// <param name="NonLesionalGeometricMean">Geometric mean concentration on non-lesional skin.</param>
/// <param name="Ratio">Lesional / non-lesional geometric mean.</param>
/// <param name="Log2Ratio">log2 of <paramref name="Ratio"/>: +1 is a doubling on lesional skin.</param>
public sealed record LesionalContrast(string Cytokine, DateOnly Day, int LesionalCount, int NonLesionalCount, double LesionalGeometricMean, double NonLesionalGeometricMean, double Ratio, double Log2Ratio);
