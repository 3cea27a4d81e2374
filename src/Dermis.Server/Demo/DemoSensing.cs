using Dermis.Sensing.Ingest;
using Dermis.Sensing.Simulation;

namespace Dermis.Server.Demo;

/// <summary>
/// The demo's wristband nights (docs/demo.md, "Nightly scratch and sleep"): which participants wear a band,
/// which nights it records, and each night from <see cref="NightSimulator"/> with a scratch process that
/// follows the participant's EASI. Pure: values in, nights and batches out; the seeder sends them.
/// </summary>
/// <remarks>
/// Scratch design: a participant starts from the research notes' §1.7 bout process of their baseline
/// severity (EASI above 21 is severe, below moderate; the EASI severity bands of Leshem et al.,
/// Br J Dermatol 2015;172:1353), and the bout rate on a night is that profile's rate × (EASI that day /
/// baseline EASI)^0.7, the exponent the demo already uses for POEM; bout durations, night-to-night
/// variation and restlessness stay those of the baseline profile. So the expected scratch time per
/// hour scales with ratio^0.7: an EASI-75 responder (ratio 0.25) scratches 0.25^0.7 = 38 % of their
/// baseline time (before the simulator's dead time, which makes the fall slightly smaller).
/// </remarks>
internal static class DemoSensing
{
    /// <summary>Participants who wear a wristband: one per site (an 8-h night is 6.9 MB of samples, so the demo keeps to 32 nights).</summary>
    public const int NightParticipants = 8;

    /// <summary>Recording length of a night from bedtime, h.</summary>
    public const double NightHours = 8;

    /// <summary>Sample rate of the band, Hz (the night analysis' rate, so nothing is resampled).</summary>
    public const double RateHz = 20;

    /// <summary>Length of one uploaded batch, min: the band syncs the night in one batch the next morning (576,000 samples, under the 1,000,000 a batch may hold).</summary>
    public const int BatchMinutes = 480;

    /// <summary>Exponent of the EASI ratio on the scratch bout rate (as POEM's, DemoTrajectory).</summary>
    public const double ScratchExponent = 0.7;

    /// <summary>EASI above which the baseline bout process is §1.7's severe one (Leshem 2015: severe is 21.1–50).</summary>
    public const double SevereFromEasi = 21.1;

    /// <summary>Study days (0 = baseline visit) whose evenings start a recorded night: two before baseline, two before week 16 (day 112).</summary>
    public static readonly int[] NightDays = [-2, -1, 110, 111];

    /// <summary>The bout process of a night: the baseline severity's §1.7 profile with its rate scaled by (EASI / baseline EASI)^0.7.</summary>
    /// <param name="baselineEasi">Baseline EASI, 0–72.</param>
    /// <param name="easi">EASI on the day of the night, 0–72.</param>
    public static ScratchBoutProfile Profile(double baselineEasi, double easi)
    {
        if (!(baselineEasi is >= 0 and <= 72))
        {
            throw new ArgumentException($"baselineEasi = {baselineEasi}; allowed 0–72.", nameof(baselineEasi));
        }

        if (!(easi is >= 0 and <= 72))
        {
            throw new ArgumentException($"easi = {easi}; allowed 0–72.", nameof(easi));
        }

        var baseline = ScratchBoutProfile.For(baselineEasi >= SevereFromEasi ? ScratchSeverity.Severe : ScratchSeverity.Moderate);
        // Clamped so that a near-clear participant still has the occasional bout and a flare at most doubles.
        var ratio = Math.Clamp(easi / Math.Max(1, baselineEasi), 0.02, 2);
        return baseline with { BoutsPerHour = baseline.BoutsPerHour * Math.Pow(ratio, ScratchExponent) };
    }

    /// <summary>The simulated night of a participant: <see cref="NightHours"/> at <see cref="RateHz"/> with <see cref="Profile"/>.</summary>
    public static SimulatedNight Night(double baselineEasi, double easi, int seed, double hours = NightHours) =>
        NightSimulator.Simulate(new NightSimulationOptions { DurationHours = hours, SampleRateHz = RateHz, Profile = Profile(baselineEasi, easi) }, seed);

    /// <summary>Bedtime of a night in the participant's zone: 22:00 to 23:30 local, drawn from the seed.</summary>
    public static DateTimeOffset Bedtime(DateOnly evening, TimeZoneInfo zone, int seed)
    {
        var minutes = new Random(seed).Next(0, 91);
        return Dermis.Trials.Diaries.ZonedTime.Resolve(evening, new TimeOnly(22, 0).AddMinutes(minutes), zone);
    }

    /// <summary>The night cut into batches of <see cref="BatchMinutes"/> as the band sends them; batch ids name the night and the part.</summary>
    public static List<SampleBatch> Batches(SimulatedNight night, DateOnly evening, DateTimeOffset start)
    {
        var (x, y, z) = (night.Night.X, night.Night.Y, night.Night.Z);
        var perBatch = (int)(BatchMinutes * 60 * RateHz);
        var batches = new List<SampleBatch>();
        for (var (first, hour) = (0, 0); first < x.Length; first += perBatch, hour++)
        {
            var count = Math.Min(perBatch, x.Length - first);
            var samples = new float[count * 3];
            for (var i = 0; i < count; i++)
            {
                samples[3 * i] = x[first + i];
                samples[(3 * i) + 1] = y[first + i];
                samples[(3 * i) + 2] = z[first + i];
            }

            var micros = start.ToUnixTimeMilliseconds() * 1000 + (long)Math.Round(first * 1_000_000d / RateHz);
            batches.Add(new SampleBatch($"N{evening:yyyyMMdd}-H{hour}", SampleKind.Accelerometer, micros, (float)RateHz, samples));
        }

        return batches;
    }
}
