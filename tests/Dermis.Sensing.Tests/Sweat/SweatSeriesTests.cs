using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class SweatSeriesTests
{
    private static CytokineReading R(int hour, int minute, string cytokine, string location, bool lesional, double? concentration, ReadingFlag flag) =>
        new(new DateTimeOffset(2026, 3, 1, hour, minute, 0, TimeSpan.Zero), cytokine, location, lesional, concentration, flag);

    private static readonly CytokineReading[] Readings =
    [
        R(10, 5, Cytokines.Il6, "antecubital", true, 2, ReadingFlag.Ok),
        R(10, 40, Cytokines.Il6, "antecubital", true, 8, ReadingFlag.Ok),
        R(10, 50, Cytokines.Il6, "antecubital", true, null, ReadingFlag.BelowLod),
        R(11, 10, Cytokines.Il6, "antecubital", true, 4, ReadingFlag.BelowLoq),
        R(11, 20, Cytokines.Il6, "antecubital", true, null, ReadingFlag.ChannelFailed),
        R(10, 15, Cytokines.Il6, "upper back", false, 1, ReadingFlag.Ok),
        R(12, 15, Cytokines.Il6, "upper back", false, 4, ReadingFlag.Ok),
        R(12, 30, Cytokines.Il8, "antecubital", true, 3, ReadingFlag.Ok),
    ];

    [Fact]
    public void Summarise_hourly_counts_flags_and_takes_geometric_means()
    {
        var hourly = SweatSeries.Summarise(Readings, SummaryPeriod.Hour);

        // IL-6 antecubital 10:00: 2, 8 and one < LOD → median 5, mean log10 = log10 4, fraction < LOD 1/3.
        var ten = hourly[0];
        Assert.Equal((Cytokines.Il6, "antecubital", true, 10), (ten.Cytokine, ten.Location, ten.Lesional, ten.PeriodStartUtc.Hour));
        Assert.Equal((3, 2, 1), (ten.Count, ten.QuantifiableCount, ten.BelowLodCount));
        Tolerance.Close(1.0 / 3, ten.FractionBelowLod, 1e-12);
        Tolerance.Close(5, ten.Median, 1e-12);
        Tolerance.Close(Math.Log10(4), ten.MeanLog10, 1e-12);
        Tolerance.Close(4, ten.GeometricMean, 1e-12);
        // 11:00: one BelowLoq value (4) and a failed channel, which does not count in the < LOD denominator.
        var eleven = hourly[1];
        Assert.Equal((2, 1, 0), (eleven.Count, eleven.QuantifiableCount, eleven.BelowLodCount));
        Assert.Equal(0, eleven.FractionBelowLod);
        Assert.Equal(5, hourly.Count);
    }

    [Fact]
    public void Summarise_daily_pools_the_hours_of_one_location()
    {
        var daily = SweatSeries.Summarise(Readings, SummaryPeriod.Day);

        // IL-6 antecubital: 2, 8, 4 → median 4, geometric mean ∛64 = 4; < LOD 1 of 4 valid readings.
        var lesional = daily.Single(s => s.Cytokine == Cytokines.Il6 && s.Lesional);
        Assert.Equal((5, 3, 1), (lesional.Count, lesional.QuantifiableCount, lesional.BelowLodCount));
        Tolerance.Close(0.25, lesional.FractionBelowLod, 1e-12);
        Tolerance.Close(4, lesional.Median, 1e-12);
        Tolerance.Close(4, lesional.GeometricMean, 1e-12);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), lesional.PeriodStartUtc);
        Assert.Equal(3, daily.Count);
    }

    [Fact]
    public void LesionalContrasts_is_the_log2_ratio_of_geometric_means_on_days_with_both_sides()
    {
        var contrasts = SweatSeries.LesionalContrasts(Readings);

        // IL-6: lesional GM 4 (2, 8, 4), non-lesional GM 2 (1, 4) → ratio 2, log2 1. IL-8 has no non-lesional reading.
        var c = Assert.Single(contrasts);
        Assert.Equal((Cytokines.Il6, new DateOnly(2026, 3, 1), 3, 2), (c.Cytokine, c.Day, c.LesionalCount, c.NonLesionalCount));
        Tolerance.Close(2, c.Ratio, 1e-12);
        Tolerance.Close(1, c.Log2Ratio, 1e-12);
    }

    [Fact]
    public void Summarise_reading_without_location_throws_naming_it()
    {
        CytokineReading[] bad = [R(9, 0, Cytokines.Il6, " ", true, 1, ReadingFlag.Ok)];

        var e = Assert.Throws<ArgumentException>(() => SweatSeries.Summarise(bad, SummaryPeriod.Day));

        Assert.StartsWith("Reading 0 at 2026-03-01T09:00:00.0000000+00:00 has cytokine 'IL-6' and location ' '; both must be non-empty.", e.Message);
    }
}
