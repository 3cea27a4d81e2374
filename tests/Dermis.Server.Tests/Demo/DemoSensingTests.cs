using Dermis.Sensing.Ingest;
using Dermis.Sensing.Simulation;
using Dermis.Server.Demo;

namespace Dermis.Server.Tests.Demo;

/// <summary>The demo's wristband nights: the designed fall of scratch with EASI, the batches the band sends, who wears one.</summary>
public sealed class DemoSensingTests
{
    [Fact]
    public void Profile_of_an_EASI_75_responder_scales_the_bout_rate_by_a_quarter_to_the_power_0_7()
    {
        // Baseline EASI 32 is severe (Leshem 2015: 21.1–50): §1.7's severe process, 16 bouts/h, median 30 s, σ 0.8.
        var baseline = DemoSensing.Profile(32, 32);
        var week16 = DemoSensing.Profile(32, 8);
        var moderate = DemoSensing.Profile(18, 18);

        Assert.Equal(ScratchBoutProfile.For(ScratchSeverity.Severe), baseline);
        Assert.Equal(ScratchBoutProfile.For(ScratchSeverity.Moderate), moderate);
        // By hand: 0.25^0.7 = exp(0.7 × ln 0.25) = exp(−0.9704061) = 0.3789291; 16 × that = 6.0628662 bouts/h.
        Assert.Equal(6.0628662, week16.BoutsPerHour, 1e-6);
        Assert.Equal((30.0, 0.8, 1.0, 2.5), (week16.MedianBoutSeconds, week16.SigmaLog, week16.NightToNightCv, week16.RestlessnessFactor));
        // A flare at most doubles the rate (2^0.7 = 1.6245048); clearance keeps 0.02^0.7 = exp(0.7 × −3.9120230) = 0.0646727 of it.
        Assert.Equal(16 * 1.6245048, DemoSensing.Profile(30, 72).BoutsPerHour, 1e-5);
        Assert.Equal(16 * 0.0646727, DemoSensing.Profile(30, 0).BoutsPerHour, 1e-5);
        Assert.Contains("easi = 80", Assert.Throws<ArgumentException>(() => DemoSensing.Profile(30, 80)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulated_nights_of_an_EASI_75_responder_scratch_about_0_42_of_their_baseline_time()
    {
        // Paired seeds (the same night-to-night multiplier, noise and posture at both EASI values), 2-h nights.
        double baselineSeconds = 0, week16Seconds = 0;
        for (var seed = 1; seed <= 24; seed++)
        {
            baselineSeconds += DemoSensing.Night(32, 32, seed, hours: 2).Scratch.Sum(e => e.EndSeconds - e.StartSeconds);
            week16Seconds += DemoSensing.Night(32, 8, seed, hours: 2).Scratch.Sum(e => e.EndSeconds - e.StartSeconds);
        }

        // Hand computation. Bout length: log-normal, median 30 s, σ 0.8, shorter than 5 s redrawn:
        // E = e^(μ+σ²/2)·Φ((μ+σ²−ln 5)/σ)/Φ((μ−ln 5)/σ) = 41.31 × Φ(3.0397)/Φ(2.2397) = 41.31 × 0.99882/0.98744 = 41.79 s.
        // The simulator leaves each event plus 3 s of stillness before the next onset (dead time), so in each third of
        // the night (scratch rate ×1.35, ×0.90, ×0.75) the accepted rate is n/(1 + Σ n_k·τ_k) with the other movements
        // (posture 3/h × 9 s, restless 5/h × 8.5 s, quiet wake 0.5/h × 38 s = 88.5 s/h) and scratch n × 44.8 s:
        //   baseline n = 21.6, 14.4, 12.0/h → 16.70, 11.96, 10.22 accepted/h, mean 12.96/h;
        //   week 16  n = 8.19, 5.46, 4.55/h →  7.27,  5.00,  4.21 accepted/h, mean  5.49/h.
        // Designed ratio 0.25^0.7 = 0.379; with the dead time 5.49/12.96 = 0.424.
        var ratio = week16Seconds / baselineSeconds;
        Assert.InRange(ratio, 0.424 * 0.8, 0.424 * 1.2); // ±20 %: 24 paired 2-h nights of a Poisson-count process
        Assert.InRange(baselineSeconds / (24 * 2), 541.6 * 0.75, 541.6 * 1.25); // 12.96/h × 41.79 s = 541.6 s/h, and the log-normal (mean 1, CV 1) night multiplier
    }

    [Fact]
    public void Batches_of_a_night_are_one_interleaved_batch_from_bedtime_as_the_band_sends_it()
    {
        var evening = new DateOnly(2026, 1, 15);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var bedtime = DemoSensing.Bedtime(evening, zone, seed: 7);
        var local = TimeZoneInfo.ConvertTime(bedtime, zone);
        Assert.Equal(evening, DateOnly.FromDateTime(local.DateTime));
        Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(22), TimeSpan.FromHours(23.5));
        Assert.Equal(TimeSpan.FromHours(1), local.Offset); // CET in January

        var night = DemoSensing.Night(30, 30, seed: 3, hours: 1);
        var batch = Assert.Single(DemoSensing.Batches(night, evening, bedtime));

        Assert.Equal(("N20260115-H0", SampleKind.Accelerometer, 20f, 72_000), (batch.BatchId, batch.Kind, batch.SampleRateHz, batch.Count));
        Assert.Equal(bedtime.ToUnixTimeMilliseconds() * 1000, batch.StartUnixMicros);
        Assert.Equal((night.Night.X[100], night.Night.Y[100], night.Night.Z[100]), (batch.Samples[300], batch.Samples[301], batch.Samples[302]));
        // It round-trips through the ingest format the server reads.
        var read = SampleBatchFormat.Read(SampleBatchFormat.Write(batch));
        Assert.Equal(batch.EndUnixMicros, read.EndUnixMicros);
        Assert.Equal(bedtime.AddHours(1).ToUnixTimeMilliseconds() * 1000, read.EndUnixMicros);
    }

    [Fact]
    public void Seed_is_pinned_and_differs_between_days()
    {
        // Hand computation of the mixing (uint arithmetic, written out in Python): a change of the function changes every
        // seeded demo, so its values are pinned. Seed(1, 2, 3): 1·2654435761 ^ 2·2246822519 ^ 3·3266489917 (mod 2^32),
        // then h ^= h >> 15, h *= 668265263, h ^= h >> 13, low 31 bits = 1,006,844,833.
        Assert.Equal(1006844833, DemoSeed.Of(1, 2, 3));
        Assert.Equal(1061983424, DemoSeed.Of(12345, 7, 41));
        Assert.NotEqual(DemoSeed.Of(12345, 7, 41), DemoSeed.Of(12345, 8, 41));
        Assert.InRange(DemoSeed.Of(int.MaxValue, -5, 41), 0, int.MaxValue);
        Assert.Equal(200, Enumerable.Range(-10, 200).Select(d => DemoSeed.Of(99, d, 41)).Distinct().Count());
    }

    [Fact]
    public void Choice_takes_the_worst_worsening_first_then_one_participant_per_site()
    {
        var first = new DateOnly(2025, 9, 1);
        var last = first.AddDays(DemoSeeder.TimelineDays);
        var cohort = DemoCohort.Draw(first, 300, seed: 20260301);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in cohort.Where(p => p.Randomised))
        {
            // Alternate arms as the blocks would; numbers as the server gives them (site-0001, …).
            p.Arm = p.Index % 2 == 0 ? "active" : "placebo";
            numbers[p.Site.Id] = numbers.GetValueOrDefault(p.Site.Id) + 1;
            p.Number = $"{p.Site.Id}-{numbers[p.Site.Id]:0000}";
        }

        var (nights, sweat) = DemoSensingChoice.Choose(cohort, first, last, 8, 4);

        // Independently: the eligible participant with the largest EASI(day 111)/EASI(0).
        var eligible = cohort.Where(p => p.Randomised && p.Trajectory.Visits.Single(v => v.Week == 16).Easi is not null && p.BaselineOn.AddDays(-9) >= first && p.BaselineOn.AddDays(113) <= last).ToList();
        var worst = eligible.MaxBy(p => (double)DemoTrajectory.Easi(p, 111) / (double)DemoTrajectory.Easi(p, 0))!;
        Assert.Same(worst, nights[0]);
        Assert.True(DemoSensingChoice.Worsening(worst) > 1, $"worst ratio {DemoSensingChoice.Worsening(worst)}");
        Assert.Equal(8, nights.Count);
        Assert.Equal(DemoSite.All.Select(s => s.Id).Order(), nights.Select(p => p.Site.Id).Order());
        Assert.Equal(nights.Take(4), sweat);
        Assert.All(nights, p => Assert.Contains(p, eligible));
        Assert.Contains("sweat = 9", Assert.Throws<ArgumentException>(() => DemoSensingChoice.Choose(cohort, first, last, 8, 9)).Message, StringComparison.Ordinal);
    }
}
