using Dermis.Sensing.Simulation;

namespace Dermis.Sensing.Vitals;

// The sample loops of RadioNightSimulator; parameters and their sources are listed on the class.
public static partial class RadioNightSimulator
{
    private const double ArousalRise = 0.12;
    private const double ArousalDecaySeconds = 20;

    private static void SynthesiseVitals(
        SimulationRandom random, RadioNightSimulationOptions o, List<SimulatedMotionBurst> bursts, float[] x, float[] respiration, float[] heart)
    {
        double fs = o.SampleRateHz;
        double respirationHz = random.Uniform(o.MinRespirationRatePerMinute, o.MaxRespirationRatePerMinute) / 60.0;
        double breathingMm = random.Uniform(o.MinBreathingAmplitudeMm, o.MaxBreathingAmplitudeMm);
        double inhale = random.Uniform(0.35, 0.45);
        var respirationSlow = new SlowSine(random, 0.06, 20 * 60, 60 * 60);
        var respirationFast = new SlowSine(random, 0.04, 3 * 60, 10 * 60);
        var amplitudeSlow = new SlowSine(random, 0.10, 5 * 60, 20 * 60);
        var respirationJitter = new Ar1(fs, 15, 0.03, random);

        double heartHz = random.Uniform(o.MinHeartRatePerMinute, o.MaxHeartRatePerMinute) / 60.0;
        double heartMm = random.Uniform(o.MinHeartAmplitudeMm, o.MaxHeartAmplitudeMm);
        double second = random.Uniform(0.2, 0.5), secondPhase = random.Uniform(0, 2 * Math.PI);
        var heartSlow = new SlowSine(random, 0.05, 20 * 60, 90 * 60);
        var heartFast = new SlowSine(random, 0.03, 2 * 60, 8 * 60);
        var heartJitter = new Ar1(fs, 10, 0.01, random);
        double heartScale = heartMm / HeartShapePeakToPeak(second, secondPhase);

        double posture = random.Uniform(0.6, 1.4);
        double respirationPhase = random.Uniform(), heartPhase = random.Uniform();
        int next = 0;
        double lastEnd = double.NegativeInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            double t = i / fs;
            double arousal = 0;
            while (next < bursts.Count && t >= bursts[next].StartSeconds)
            {
                if (t < bursts[next].EndSeconds)
                {
                    arousal = ArousalRise;
                    if (!bursts[next].IsScratch && t >= (bursts[next].StartSeconds + bursts[next].EndSeconds) / 2 && posture > 0)
                    {
                        // A turn changes how much of the chest faces the radio; redrawn halfway through (the sign marks "done").
                        posture = -random.Uniform(0.6, 1.4);
                    }

                    break;
                }

                lastEnd = bursts[next].EndSeconds;
                posture = Math.Abs(posture);
                next++;
            }

            if (arousal == 0 && t >= lastEnd)
            {
                arousal = ArousalRise * Math.Exp(-(t - lastEnd) / ArousalDecaySeconds);
            }

            double fr = respirationHz * (1 + respirationSlow.At(t) + respirationFast.At(t) + respirationJitter.Next(random));
            respirationPhase += fr / fs;
            double cycle = respirationPhase - Math.Floor(respirationPhase);
            double breath = breathingMm * Math.Abs(posture) * (1 + amplitudeSlow.At(t)) * (BreathShape(cycle, inhale) - 0.5);

            double fh = heartHz * (1 + heartSlow.At(t) + heartFast.At(t) + (0.03 * Math.Sin(2 * Math.PI * respirationPhase)) + heartJitter.Next(random) + arousal);
            heartPhase += fh / fs;
            double beat = heartScale * (Math.Cos(2 * Math.PI * heartPhase) + (second * Math.Cos((4 * Math.PI * heartPhase) + secondPhase)));

            x[i] = (float)(breath + beat);
            respiration[i] = (float)(60 * fr);
            heart[i] = (float)(60 * fh);
        }
    }

    /// <summary>One breath, 0 → 1 → 0: a half-cosine rise over the inhale fraction, a slower half-cosine fall (continuous slope).</summary>
    internal static double BreathShape(double cycle, double inhaleFraction) =>
        cycle < inhaleFraction
            ? 0.5 * (1 - Math.Cos(Math.PI * cycle / inhaleFraction))
            : 0.5 * (1 + Math.Cos(Math.PI * (cycle - inhaleFraction) / (1 - inhaleFraction)));

    private static double HeartShapePeakToPeak(double second, double secondPhase)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int k = 0; k < 1000; k++)
        {
            double theta = 2 * Math.PI * k / 1000;
            double v = Math.Cos(theta) + (second * Math.Cos((2 * theta) + secondPhase));
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        return hi - lo;
    }

    private static void AddNoiseAndDrift(SimulationRandom random, RadioNightSimulationOptions o, float[] x)
    {
        const int Components = 8;
        double fs = o.SampleRateHz;
        var pink = new Ar1[Components];
        for (int j = 0; j < Components; j++)
        {
            pink[j] = new Ar1(fs, Math.Pow(4, j) / 16.0, 1.0, random);
        }

        double pinkScale = o.PinkNoiseMm / Math.Sqrt(Components);
        var slow = new SlowSine(random, 0.6 * o.DriftMm, 3600, 4 * 3600);
        var slower = new SlowSine(random, 0.4 * o.DriftMm, 15 * 60, 60 * 60);
        for (int i = 0; i < x.Length; i++)
        {
            double t = i / fs, p = 0;
            for (int j = 0; j < Components; j++)
            {
                p += pink[j].Next(random);
            }

            x[i] += (float)((o.WhiteNoiseMm * random.Gaussian()) + (pinkScale * p) + slow.At(t) + slower.At(t));
        }
    }

    private static void AddMotion(SimulationRandom random, RadioNightSimulationOptions o, List<SimulatedMotionBurst> bursts, float[] x)
    {
        double fs = o.SampleRateHz, level = 0;
        int cursor = 0;
        foreach (var b in bursts)
        {
            int i0 = Math.Min(x.Length, (int)Math.Round(b.StartSeconds * fs)), i1 = Math.Min(x.Length, (int)Math.Round(b.EndSeconds * fs));
            for (; cursor < i0; cursor++)
            {
                x[cursor] += (float)level;
            }

            var shape = b.IsScratch ? ScratchShape(random, fs, i1 - i0, out double step) : TurnShape(random, fs, i1 - i0, out step);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double v in shape)
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            double scale = hi > lo ? b.ExcursionMm / (hi - lo) : 0;
            for (int k = 0; k < shape.Length; k++)
            {
                x[i0 + k] += (float)(level + (scale * shape[k]));
            }

            cursor = i1;
            level += scale * step;
        }

        for (; cursor < x.Length; cursor++)
        {
            x[cursor] += (float)level;
        }
    }

    // Minimum-jerk change of level (Flash & Hogan, J Neurosci 5:1688, 1985) plus three slow sways under a Hann window.
    private static double[] TurnShape(SimulationRandom random, double fs, int length, out double step)
    {
        step = (random.Uniform() < 0.5 ? -1 : 1) * random.Uniform(0.2, 0.6);
        var shape = new double[length];
        Span<double> f = stackalloc double[3], a = stackalloc double[3], phase = stackalloc double[3];
        for (int c = 0; c < 3; c++)
        {
            (f[c], a[c], phase[c]) = (random.Uniform(0.2, 1.5), random.Uniform(0.3, 1.0), random.Uniform(0, 2 * Math.PI));
        }

        for (int k = 0; k < length; k++)
        {
            double u = length > 1 ? k / (double)(length - 1) : 1, t = k / fs;
            double jerk = u * u * u * (10 - (15 * u) + (6 * u * u));
            double sway = 0;
            for (int c = 0; c < 3; c++)
            {
                sway += a[c] * Math.Sin((2 * Math.PI * f[c] * t) + phase[c]);
            }

            shape[k] = (step * jerk) + (0.5 * (1 - Math.Cos(2 * Math.PI * u)) * sway);
        }

        return shape;
    }

    private static double[] ScratchShape(SimulationRandom random, double fs, int length, out double step)
    {
        step = 0;
        double f = random.Uniform(1.5, 4), phase = random.Uniform(0, 2 * Math.PI);
        var modulation = new SlowSine(random, 0.3, 2, 6);
        var shape = new double[length];
        double edge = Math.Max(1, 0.5 * fs);
        for (int k = 0; k < length; k++)
        {
            double t = k / fs;
            double taper = Math.Min(1, Math.Min(k, length - 1 - k) / edge);
            shape[k] = 0.5 * (1 - Math.Cos(Math.PI * taper)) * (1 + modulation.At(t)) * Math.Sin((2 * Math.PI * f * t) + phase);
        }

        return shape;
    }

    /// <summary>A sinusoid of given amplitude with period uniform in [low, high] s and random phase.</summary>
    private readonly struct SlowSine(SimulationRandom random, double amplitude, double lowSeconds, double highSeconds)
    {
        private readonly double _omega = 2 * Math.PI / random.Uniform(lowSeconds, highSeconds);
        private readonly double _phase = random.Uniform(0, 2 * Math.PI);

        public double At(double t) => amplitude * Math.Sin((_omega * t) + _phase);
    }

    /// <summary>A stationary AR(1) (Ornstein–Uhlenbeck sampled at fs) with time constant τ and standard deviation σ.</summary>
    private sealed class Ar1
    {
        private readonly double _a;
        private readonly double _innovation;
        private double _value;

        public Ar1(double fs, double tauSeconds, double sd, SimulationRandom random)
        {
            _a = Math.Exp(-1.0 / (tauSeconds * fs));
            _innovation = sd * Math.Sqrt(1 - (_a * _a));
            _value = sd * random.Gaussian();
        }

        public double Next(SimulationRandom random)
        {
            _value = (_a * _value) + (_innovation * random.Gaussian());
            return _value;
        }
    }
}
