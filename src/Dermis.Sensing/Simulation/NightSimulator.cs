using Dermis.Sensing.Motion;
using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Simulation;

/// <summary>
/// Seeded synthetic wrist-accelerometer nights with ground truth, built on research/biomarkers.md §1.7 ("Synthetic
/// nocturnal-scratch generator — parameters from published figures"); no labelled scratch accelerometry is public.
/// A night is still sleep (gravity at the forearm orientation + breathing micro-motion + white sensor noise) interrupted
/// by non-overlapping events: wrist scratch, finger-only scratch, posture changes, restless hand movements and
/// quiet-wake activity. Event onsets follow a thinned (non-homogeneous) Poisson process; each event is followed by at
/// least <see cref="MinimumGapSeconds"/> of stillness.
/// </summary>
/// <remarks>
/// Signal parameters and their sources:
/// <list type="bullet">
/// <item>Scratch onsets: rate from <see cref="ScratchBoutProfile"/> × a per-night log-normal multiplier, weighted
/// 0.45 / 0.30 / 0.25 over the thirds of the night (§1.7 [A]; Ebata 1999: more scratch in the first third).</item>
/// <item>Scratch durations: log-normal (profile median and σ), redrawn below <see cref="NightSimulationOptions.MinimumScratchSeconds"/>
/// (Ebata 1999 counted bouts over 5 s), capped at 20 min.</item>
/// <item>Scratch waveform (§1.7 [A]): fundamental U(2, 5) Hz with slow ±(0–10) % frequency modulation, 2nd and 3rd
/// harmonics at −10 and −20 dB (dropped at or above 0.45 × rate, as an anti-alias filter would),
/// amplitude log-uniform 0.05–0.4 g on a random dominant device axis and 30–50 % of it on the others,
/// 0–20 % slow amplitude modulation, 0.3-s raised-cosine onset and offset, and a 0–20° forearm re-orientation in the
/// first second [A].</item>
/// <item>Finger-only scratch: the same waveform at 4–15 mg log-uniform, no re-orientation (§1.7: &lt; 0.015 g, Ji 2023).</item>
/// <item>Posture changes: U(2, 10) s [A; longer than §1.7's 1–5 s transients so slow turns are included], 30–150° re-orientation with a minimum-jerk
/// profile, three 0.2–1.2 Hz components of 10–80 mg under a Hann window [A]; rate 3 /h (§1.7 [A] 2–4 /h).</item>
/// <item>Restless movements: U(1, 10) s, four 0.3–2 Hz components of 20–100 mg under a Hann window, 0–20°
/// re-orientation (§1.7 [A]: non-periodic, 1–10 s); rate 2 /h × the profile's restlessness factor (Benjamin 2004).</item>
/// <item>Quiet-wake activity: U(10, 60) s periodic U(0.3, 0.9) Hz at 50–200 mg with a −10 dB 2nd harmonic, 0–40°
/// re-orientation (§1.7 [A]: periodic, &lt; 1 Hz).</item>
/// <item>Breathing micro-motion: 1–3 mg at 12–20 breaths/min along a random direction [A; breathing rate as §1.7's RF channel].</item>
/// <item>Sensor noise: white, U(3, 5) mg RMS per axis per night — the lower part of §1.7's 3–10 mg, because the still
/// SKDH segment motion_test_negative.csv measures 4.5–5.1 mg per axis and Ji's CoV branch flags white noise above
/// about 7 mg after its 3 Hz low-pass.</item>
/// </list>
/// Not simulated: sleep stages and the coupling of scratch onsets to wake and light sleep (§1.7, Sugiyama), scratch
/// adjacent to other movements, and device calibration offsets.
/// </remarks>
public static partial class NightSimulator
{
    /// <summary>Stillness after every event, s, so each ground-truth event is separable; an engineering assumption.</summary>
    public const double MinimumGapSeconds = 3.0;

    private const double RestlessPerHour = 2.0;
    private static readonly double[] _thirdWeights = [0.45, 0.30, 0.25];

    /// <summary>Generates the night of <paramref name="seed"/>; the same options and seed always give the same samples.</summary>
    /// <param name="options">What to generate; see <see cref="NightSimulationOptions"/> for ranges.</param>
    /// <param name="seed">Seed of the single <see cref="Random"/> behind every draw.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option lies outside its documented range.</exception>
    public static SimulatedNight Simulate(NightSimulationOptions options, int seed)
    {
        var s = Begin(options, seed);
        double fs = options.SampleRateHz;
        int n = (int)Math.Round(options.DurationHours * 3600.0 * fs);
        var x = new float[n];
        var y = new float[n];
        var z = new float[n];
        var gravity = s.Gravity;
        int cursor = 0;
        foreach (var plan in s.Plans)
        {
            int i0 = Math.Min(n, (int)Math.Ceiling(plan.Start * fs));
            int i1 = Math.Min(n, (int)Math.Ceiling((plan.Start + plan.Duration) * fs));
            FillStill(x, y, z, cursor, i0, fs, gravity, s.Breathing, s.NoiseG, s.Random);
            gravity = FillEvent(x, y, z, i0, i1, fs, gravity, s.Breathing, s.NoiseG, plan, s.Random);
            cursor = i1;
        }

        FillStill(x, y, z, cursor, n, fs, gravity, s.Breathing, s.NoiseG, s.Random);
        var (events, scratch) = Truth(s.Plans);
        return new SimulatedNight(new AccelerometerNight(x, y, z, fs), events, scratch, seed, options, s.Multiplier, s.NoiseG);
    }

    /// <summary>
    /// The ground truth <see cref="Simulate"/> would produce for the same options and seed, without synthesising samples
    /// (the event plan is drawn before any sample); for statistics over many nights.
    /// </summary>
    internal static (IReadOnlyList<SimulatedEvent> Events, IReadOnlyList<ScratchEvent> Scratch, double Multiplier) PlanTruth(NightSimulationOptions options, int seed)
    {
        var s = Begin(options, seed);
        var (events, scratch) = Truth(s.Plans);
        return (events, scratch, s.Multiplier);
    }

    private static Start Begin(NightSimulationOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var profile = options.EffectiveProfile;
        var random = new SimulationRandom(seed);
        double multiplier = random.LogNormalMeanOne(profile.NightToNightCv);
        double noiseG = random.Uniform(0.003, 0.005);
        var breathing = new Breathing(random.Uniform(12, 20) / 60.0, random.Uniform(0.001, 0.003), random.Uniform(0, 2 * Math.PI), random.UnitVector());
        var gravity = random.UnitVector();
        var plans = PlanEvents(random, options, profile, multiplier, options.DurationHours * 3600.0);
        return new Start(random, multiplier, noiseG, breathing, gravity, plans);
    }

    private static (List<SimulatedEvent> Events, List<ScratchEvent> Scratch) Truth(List<Plan> plans)
    {
        var events = new List<SimulatedEvent>(plans.Count);
        var scratch = new List<ScratchEvent>();
        foreach (var plan in plans)
        {
            events.Add(plan.ToEvent());
            if (plan.IsRhythmicScratch)
            {
                scratch.Add(new ScratchEvent(plan.Start, plan.Start + plan.Duration));
            }
        }

        return (events, scratch);
    }

    private static void Validate(NightSimulationOptions o)
    {
        Check(nameof(o.DurationHours), o.DurationHours, 1.0 / 60.0, 24, "h");
        Check(nameof(o.SampleRateHz), o.SampleRateHz, 10, 200, "Hz");
        Check(nameof(o.FingerOnlyFraction), o.FingerOnlyFraction, 0, 1, "");
        Check(nameof(o.MinimumScratchSeconds), o.MinimumScratchSeconds, 0.5, 60, "s");
        Check(nameof(o.PostureChangesPerHour), o.PostureChangesPerHour, 0, 30, "/h");
        Check(nameof(o.WakeActivitiesPerHour), o.WakeActivitiesPerHour, 0, 30, "/h");
        var p = o.EffectiveProfile;
        Check("Profile.MedianBoutSeconds", p.MedianBoutSeconds, 0.5, 600, "s");
        Check("Profile.SigmaLog", p.SigmaLog, 0, 3, "");
        Check("Profile.BoutsPerHour", p.BoutsPerHour, 0, 120, "/h");
        Check("Profile.NightToNightCv", p.NightToNightCv, 0, 5, "");
        Check("Profile.RestlessnessFactor", p.RestlessnessFactor, 0, 20, "");
    }

    private static void Check(string name, double value, double low, double high, string unit)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(name, value, $"NightSimulationOptions.{name} must lie in [{low}, {high}] {unit}; got {value}.");
        }
    }

    private static List<Plan> PlanEvents(
        SimulationRandom random, NightSimulationOptions options, ScratchBoutProfile profile, double multiplier, double durationSeconds)
    {
        double scratchRate = profile.BoutsPerHour * multiplier / 3600.0;
        double postureRate = options.PostureChangesPerHour / 3600.0;
        double restlessRate = RestlessPerHour * profile.RestlessnessFactor / 3600.0;
        double wakeRate = options.WakeActivitiesPerHour / 3600.0;
        double maxRate = (scratchRate * 3.0 * _thirdWeights[0]) + postureRate + restlessRate + wakeRate;
        var plans = new List<Plan>();
        if (maxRate <= 0)
        {
            return plans;
        }

        double t = 0;
        double end = durationSeconds - 1.0;
        while (true)
        {
            t += random.Exponential(maxRate);
            if (t >= end)
            {
                return plans;
            }

            int third = Math.Min(2, (int)(3.0 * t / durationSeconds));
            double scratchNow = scratchRate * 3.0 * _thirdWeights[third];
            double u = random.Uniform(0, maxRate);
            Plan plan;
            if (u < scratchNow)
            {
                plan = PlanScratch(random, options, profile, t);
            }
            else if (u < scratchNow + postureRate)
            {
                plan = PlanPosture(random, t);
            }
            else if (u < scratchNow + postureRate + restlessRate)
            {
                plan = PlanRestless(random, t);
            }
            else if (u < scratchNow + postureRate + restlessRate + wakeRate)
            {
                plan = PlanWake(random, t);
            }
            else
            {
                // Thinning: the scratch rate of this third is below the first third's maximum.
                continue;
            }

            plan.Duration = Math.Min(plan.Duration, end - t);
            plan.RotationSeconds = Math.Min(plan.RotationSeconds, plan.Duration);
            plans.Add(plan);
            t += plan.Duration + MinimumGapSeconds;
        }
    }

    private sealed record Start(
        SimulationRandom Random, double Multiplier, double NoiseG, Breathing Breathing, Vec3 Gravity, List<Plan> Plans);

    private readonly record struct Breathing(double FrequencyHz, double AmplitudeG, double Phase, Vec3 Direction)
    {
        public double At(double seconds) => AmplitudeG * Math.Sin((2 * Math.PI * FrequencyHz * seconds) + Phase);
    }
}
