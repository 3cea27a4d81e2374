using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class InflammationIndexTests
{
    private static CytokineReading R(int day, string cytokine, double concentration) =>
        new(new DateTimeOffset(2026, 3, day, 12, 0, 0, TimeSpan.Zero), cytokine, "forearm", true, concentration, ReadingFlag.Ok);

    [Fact]
    public void Compute_averages_z_scores_against_the_participants_baseline_and_explains_exclusions()
    {
        // Baseline days 1–3. IL-6 daily GM 10, 100, 10 → log10 1, 2, 1: mean 4/3, SD √(1/3) = 0.5773503.
        // IL-1β 1, 10, 100 → 0, 1, 2: mean 1, SD 1. IL-8 5 on each day → SD 0, left out. TNF-α only on day 1 → left out.
        // Day 4: IL-6 1000 → z = (3 − 4/3)/0.5773503 = 2.8867513; IL-1β 1000 → z = 2; index = 2.4433757.
        CytokineReading[] readings =
        [
            R(1, Cytokines.Il6, 10), R(2, Cytokines.Il6, 100), R(3, Cytokines.Il6, 10), R(4, Cytokines.Il6, 1000),
            R(1, Cytokines.Il1Beta, 1), R(2, Cytokines.Il1Beta, 10), R(3, Cytokines.Il1Beta, 100), R(4, Cytokines.Il1Beta, 1000),
            R(1, Cytokines.Il8, 5), R(2, Cytokines.Il8, 5), R(3, Cytokines.Il8, 5), R(4, Cytokines.Il8, 50),
            R(1, Cytokines.TnfAlpha, 0.2), R(4, Cytokines.TnfAlpha, 2),
        ];

        var result = InflammationIndex.Compute(readings, new InflammationIndexOptions { BaselineDays = 3 });

        Assert.Equal([Cytokines.Il1Beta, Cytokines.Il6], result.Baselines.Select(b => b.Cytokine));
        Tolerance.Close(Math.Sqrt(1.0 / 3), result.Baselines[1].SdLog10, 1e-12);
        var day4 = result.Days[3];
        Assert.False(day4.IsBaseline);
        Tolerance.Close(2.4433757, day4.Index, 1e-7);
        Tolerance.Close(2.8867513, day4.ZScores.Single(z => z.Cytokine == Cytokines.Il6).Z, 1e-7);
        Assert.True(result.Days[0].IsBaseline);
        Assert.Equal(
        [
            new ExcludedCytokine(Cytokines.Il8, "The 3 baseline days of IL-8 have the same daily geometric mean (5); with a baseline SD of 0 a z-score is undefined."),
            new ExcludedCytokine(Cytokines.TnfAlpha, "Only 1 of the 3 baseline days have a quantifiable TNF-α reading; a baseline SD needs at least 2."),
        ], result.Excluded);
    }

    [Fact]
    public void Compute_baseline_of_one_day_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => InflammationIndex.Compute([], new InflammationIndexOptions { BaselineDays = 1 }));

        Assert.StartsWith("BaselineDays is 1; allowed: ≥ 2", e.Message);
    }
}
