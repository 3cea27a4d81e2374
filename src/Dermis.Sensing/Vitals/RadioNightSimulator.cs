using Dermis.Sensing.Simulation;

namespace Dermis.Sensing.Vitals;

/// <summary>
/// Seeded synthetic radio chest-displacement nights with known breathing and heart rates, for validating
/// <see cref="RadioNightAnalysis"/> (no labelled radio vital-sign nights are public). Displacement = breathing +
/// heartbeat + white and 1/f noise + slow drift + gross motion bursts.
/// </summary>
/// <remarks>
/// Components and their sources ([A] = an engineering assumption):
/// <list type="bullet">
/// <item>Breathing: an asymmetric cycle, a half-cosine rise over the inhale fraction U(0.35, 0.45) of the cycle and a
/// slower half-cosine fall (inspiratory time ≈ 40 % of the cycle in quiet breathing), peak-to-peak
/// <see cref="RadioNightSimulationOptions.MinBreathingAmplitudeMm"/>–<see cref="RadioNightSimulationOptions.MaxBreathingAmplitudeMm"/>,
/// times a posture factor U(0.6, 1.4) redrawn after every turn and ±10 % slow amplitude modulation [A].</item>
/// <item>Breathing rate: base U(10, 20) /min, ±6 % and ±4 % sinusoidal variation with periods U(20, 60) and
/// U(3, 10) min, and breath-to-breath jitter (AR(1), τ = 15 s, 3 % SD) [A].</item>
/// <item>Heartbeat: a fundamental with a second harmonic of relative amplitude U(0.2, 0.5), peak-to-peak
/// 0.1–0.5 mm; rate base U(50, 100) /min with ±5 % and ±3 % slow variation, 3 % respiratory sinus arrhythmia in
/// phase with breathing, 1 % jitter (AR(1), τ = 10 s), and a +12 % arousal rise in each motion burst decaying with
/// τ = 20 s after it (Sforza et al., Clin Neurophysiol 111:1611, 2000, for the shape) [A].</item>
/// <item>Noise: white Gaussian, and 1/f noise as the sum of eight AR(1) processes with time constants 4ʲ/16 s
/// (j = 0…7) and equal variance (a sum of Lorentzians with log-spaced corners approximates 1/f between them).</item>
/// <item>Drift: two sinusoids with periods U(1, 4) h and U(15, 60) min [A], plus each turn's change of level.</item>
/// <item>Motion: bursts of U(<see cref="RadioNightSimulationOptions.MinMotionSeconds"/>, <see cref="RadioNightSimulationOptions.MaxMotionSeconds"/>)
/// s placed at uniformly random spacings; 60 % are turns (minimum-jerk change of level of 20–60 % of the excursion
/// plus three 0.2–1.5 Hz sways under a Hann window), 40 % scratch bouts (a 1.5–4 Hz oscillation with 30 % slow
/// amplitude modulation under a Tukey taper); each scaled to a log-uniform peak-to-peak excursion [A].</item>
/// </list>
/// </remarks>
public static partial class RadioNightSimulator
{
    /// <summary>Seconds after a burst that the ground truth does not count as rest (as <see cref="VitalSignsOptions.RestGuardSeconds"/>'s default).</summary>
    public const double RestGuardSeconds = 60;

    /// <summary>Length of the ground-truth epochs, s.</summary>
    public const double EpochSeconds = 30;

    /// <summary>Generates the night of <paramref name="seed"/>; the same options and seed always give the same samples.</summary>
    /// <param name="options">What to generate; see <see cref="RadioNightSimulationOptions"/> for ranges.</param>
    /// <param name="seed">Seed of the single <see cref="Random"/> behind every draw.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option lies outside its documented range.</exception>
    public static SimulatedRadioNight Simulate(RadioNightSimulationOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, nameof(options));
        var random = new SimulationRandom(MixSeed(seed));
        double fs = options.SampleRateHz;
        double duration = options.DurationHours * 3600.0;
        int n = (int)Math.Round(duration * fs);
        var bursts = PlanBursts(random, options, duration);
        var x = new float[n];
        var respiration = new float[n];
        var heart = new float[n];
        SynthesiseVitals(random, options, bursts, x, respiration, heart);
        AddNoiseAndDrift(random, options, x);
        AddMotion(random, options, bursts, x);
        bool hasBreathing = options.MaxBreathingAmplitudeMm > 0, hasHeart = options.MaxHeartAmplitudeMm > 0;
        var epochs = Epochs(duration, fs, bursts, respiration, heart, hasBreathing, hasHeart);
        return new SimulatedRadioNight(
            x,
            fs,
            epochs,
            bursts,
            RestMedian(epochs, static e => e.RespirationRatePerMinute),
            RestMedian(epochs, static e => e.HeartRatePerMinute),
            seed,
            options)
        {
            RespirationPerSample = respiration,
            HeartPerSample = heart,
        };
    }

    // System.Random's seeded (Knuth subtractive) generator gives strongly correlated first draws for consecutive seeds
    // (seeds 1, 2, 3 … drew heart rates falling by 7 /min each), so the seed is scrambled by SplitMix64's finaliser
    // (Steele, Lea, Flood, OOPSLA 2014) before it seeds the generator.
    internal static int MixSeed(int seed)
    {
        ulong z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(z & 0x7FFFFFFF));
    }

    private static List<SimulatedMotionBurst> PlanBursts(SimulationRandom random, RadioNightSimulationOptions o, double duration)
    {
        int count = o.MotionBurstCount;
        var lengths = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++)
        {
            lengths[i] = random.Uniform(o.MinMotionSeconds, o.MaxMotionSeconds);
            total += lengths[i];
        }

        // Bursts may not fill more than 95 % of the night; beyond that they are shortened in proportion.
        double scale = total > 0.95 * duration ? 0.95 * duration / total : 1.0;
        double still = duration - (scale * total);
        var cuts = new double[count];
        for (int i = 0; i < count; i++)
        {
            cuts[i] = random.Uniform(0, still);
        }

        Array.Sort(cuts);
        var bursts = new List<SimulatedMotionBurst>(count);
        double used = 0;
        for (int i = 0; i < count; i++)
        {
            double start = cuts[i] + used;
            double length = scale * lengths[i];
            used += length;
            bool scratch = random.Uniform() < 0.4;
            bursts.Add(new SimulatedMotionBurst(start, start + length, random.LogUniform(o.MinMotionExcursionMm, o.MaxMotionExcursionMm), scratch));
        }

        return bursts;
    }

    private static List<SimulatedVitalEpoch> Epochs(double duration, double fs, List<SimulatedMotionBurst> bursts, float[] respiration, float[] heart, bool hasBreathing, bool hasHeart)
    {
        int count = (int)Math.Floor(duration / EpochSeconds);
        var epochs = new List<SimulatedVitalEpoch>(count);
        for (int e = 0; e < count; e++)
        {
            double start = e * EpochSeconds, end = start + EpochSeconds;
            bool motion = false, rest = true;
            foreach (var b in bursts)
            {
                motion |= b.StartSeconds < end && b.EndSeconds > start;
                rest &= !(b.StartSeconds < end && b.EndSeconds > start - RestGuardSeconds);
            }

            int from = (int)Math.Round(start * fs), to = Math.Min(respiration.Length, (int)Math.Round(end * fs));
            double r = 0, h = 0;
            for (int i = from; i < to; i++)
            {
                r += respiration[i];
                h += heart[i];
            }

            epochs.Add(new SimulatedVitalEpoch(start, end, hasBreathing ? r / (to - from) : double.NaN, hasHeart ? h / (to - from) : double.NaN, motion, rest));
        }

        return epochs;
    }

    private static double RestMedian(List<SimulatedVitalEpoch> epochs, Func<SimulatedVitalEpoch, double> rate)
    {
        var values = new List<double>();
        foreach (var e in epochs)
        {
            if (e.Rest && !double.IsNaN(rate(e)))
            {
                values.Add(rate(e));
            }
        }

        return VitalStatistics.Percentile(values.ToArray(), 50);
    }

    private static void Validate(RadioNightSimulationOptions o, string parameterName)
    {
        Check(parameterName, nameof(o.DurationHours), o.DurationHours, 1.0 / 60.0, 24);
        Check(parameterName, nameof(o.SampleRateHz), o.SampleRateHz, 5, 500);
        Check(parameterName, nameof(o.MinBreathingAmplitudeMm), o.MinBreathingAmplitudeMm, 0, 50);
        Check(parameterName, nameof(o.MaxBreathingAmplitudeMm), o.MaxBreathingAmplitudeMm, o.MinBreathingAmplitudeMm, 50);
        Check(parameterName, nameof(o.MinRespirationRatePerMinute), o.MinRespirationRatePerMinute, 6, 40);
        Check(parameterName, nameof(o.MaxRespirationRatePerMinute), o.MaxRespirationRatePerMinute, o.MinRespirationRatePerMinute, 40);
        Check(parameterName, nameof(o.MinHeartAmplitudeMm), o.MinHeartAmplitudeMm, 0, 5);
        Check(parameterName, nameof(o.MaxHeartAmplitudeMm), o.MaxHeartAmplitudeMm, o.MinHeartAmplitudeMm, 5);
        Check(parameterName, nameof(o.MinHeartRatePerMinute), o.MinHeartRatePerMinute, 40, 140);
        Check(parameterName, nameof(o.MaxHeartRatePerMinute), o.MaxHeartRatePerMinute, o.MinHeartRatePerMinute, 140);
        Check(parameterName, nameof(o.WhiteNoiseMm), o.WhiteNoiseMm, 0, 20);
        Check(parameterName, nameof(o.PinkNoiseMm), o.PinkNoiseMm, 0, 20);
        Check(parameterName, nameof(o.DriftMm), o.DriftMm, 0, 500);
        Check(parameterName, nameof(o.MotionBurstCount), o.MotionBurstCount, 0, 10000);
        Check(parameterName, nameof(o.MinMotionSeconds), o.MinMotionSeconds, 1, 3600);
        Check(parameterName, nameof(o.MaxMotionSeconds), o.MaxMotionSeconds, o.MinMotionSeconds, 3600);
        Check(parameterName, nameof(o.MinMotionExcursionMm), o.MinMotionExcursionMm, 1e-3, 2000);
        Check(parameterName, nameof(o.MaxMotionExcursionMm), o.MaxMotionExcursionMm, o.MinMotionExcursionMm, 2000);
    }

    private static void Check(string parameterName, string name, double value, double low, double high)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"RadioNightSimulationOptions.{name} is {value}; it must lie in [{low:G4}, {high:G4}].");
        }
    }
}
