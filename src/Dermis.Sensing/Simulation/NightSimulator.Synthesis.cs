namespace Dermis.Sensing.Simulation;

/// <summary>Sample-level synthesis: gravity at the forearm orientation + motion + breathing + sensor noise.</summary>
public static partial class NightSimulator
{
    private static readonly double _minus10Db = Math.Pow(10, -10.0 / 20.0);
    private static readonly double _minus20Db = Math.Pow(10, -20.0 / 20.0);

    private static void FillStill(
        float[] x, float[] y, float[] z, int from, int to, double fs, Vec3 gravity, Breathing breathing, double noiseG, SimulationRandom random)
    {
        var d = breathing.Direction;
        for (int i = from; i < to; i++)
        {
            double b = breathing.At(i / fs);
            x[i] = (float)(gravity.X + (b * d.X) + (noiseG * random.Gaussian()));
            y[i] = (float)(gravity.Y + (b * d.Y) + (noiseG * random.Gaussian()));
            z[i] = (float)(gravity.Z + (b * d.Z) + (noiseG * random.Gaussian()));
        }
    }

    /// <summary>Writes one event into samples [i0, i1) and returns the gravity direction after it.</summary>
    private static Vec3 FillEvent(
        float[] x, float[] y, float[] z, int i0, int i1, double fs, Vec3 gravity, Breathing breathing, double noiseG, Plan plan, SimulationRandom random)
    {
        var axis = gravity.Cross(plan.AxisSeed);
        axis = axis.Length > 1e-6 ? axis.Normalized() : random.PerpendicularTo(gravity);
        double totalAngle = plan.RotationDegrees * Math.PI / 180.0;
        var d = breathing.Direction;
        double nyquistGuard = 0.45 * fs;
        double fMax = plan.FrequencyHz * (1 + plan.FmDepth);
        double h2 = 2 * fMax < nyquistGuard ? _minus10Db : 0;
        double h3 = 3 * fMax < nyquistGuard ? _minus20Db : 0;

        for (int i = i0; i < i1; i++)
        {
            double t = i / fs;
            double tau = t - plan.Start;
            double progress = plan.RotationSeconds > 0 ? Math.Min(1.0, tau / plan.RotationSeconds) : 1.0;
            var g = totalAngle > 0 ? gravity.RotatedAboutPerpendicular(axis, totalAngle * MinimumJerk(progress)) : gravity;
            var motion = plan.IsRhythmicScratch ? ScratchMotion(plan, tau, h2, h3) : ComponentMotion(plan, tau);
            double b = breathing.At(t);
            x[i] = (float)(g.X + motion.X + (b * d.X) + (noiseG * random.Gaussian()));
            y[i] = (float)(g.Y + motion.Y + (b * d.Y) + (noiseG * random.Gaussian()));
            z[i] = (float)(g.Z + motion.Z + (b * d.Z) + (noiseG * random.Gaussian()));
        }

        return totalAngle > 0 ? gravity.RotatedAboutPerpendicular(axis, totalAngle) : gravity;
    }

    /// <summary>Minimum-jerk position profile 10s³ − 15s⁴ + 6s⁵ (Flash and Hogan 1985) for smooth re-orientation.</summary>
    private static double MinimumJerk(double s) => s * s * s * (10 - (s * (15 - (6 * s))));

    private static double RaisedCosineRamp(double tau, double duration, double ramp)
    {
        if (ramp <= 0)
        {
            return 1;
        }

        double edge = Math.Min(tau, duration - tau);
        return edge >= ramp ? 1 : 0.5 * (1 - Math.Cos(Math.PI * Math.Max(0, edge) / ramp));
    }

    private static Vec3 ScratchMotion(Plan p, double tau, double h2, double h3)
    {
        // Phase of f(t) = f0·(1 + depth·sin(2π·fm·t + ψ)), integrated in closed form.
        double phi = (2 * Math.PI * p.FrequencyHz * tau)
            + (p.FrequencyHz * p.FmDepth / p.FmRateHz * (Math.Cos(p.FmPhase) - Math.Cos((2 * Math.PI * p.FmRateHz * tau) + p.FmPhase)));
        double envelope = p.AmplitudeG * RaisedCosineRamp(tau, p.Duration, Math.Min(p.RampSeconds, p.Duration / 4))
            * (1 + (p.AmDepth * Math.Sin((2 * Math.PI * p.AmRateHz * tau) + p.AmPhase)));
        return new Vec3(
            envelope * p.AxisScales.X * Harmonics(phi + p.AxisPhases.X, h2, h3, p),
            envelope * p.AxisScales.Y * Harmonics(phi + p.AxisPhases.Y, h2, h3, p),
            envelope * p.AxisScales.Z * Harmonics(phi + p.AxisPhases.Z, h2, h3, p));
    }

    private static double Harmonics(double phi, double h2, double h3, Plan p)
        => Math.Sin(phi) + (h2 * Math.Sin((2 * phi) + p.HarmonicPhase2)) + (h3 * Math.Sin((3 * phi) + p.HarmonicPhase3));

    private static Vec3 ComponentMotion(Plan p, double tau)
    {
        double envelope = p.HannWindow
            ? Math.Pow(Math.Sin(Math.PI * tau / p.Duration), 2)
            : RaisedCosineRamp(tau, p.Duration, Math.Min(p.RampSeconds, p.Duration / 4));
        var sum = new Vec3(0, 0, 0);
        foreach (var c in p.Components)
        {
            sum += Math.Sin((2 * Math.PI * c.FrequencyHz * tau) + c.Phase) * c.Amplitude;
        }

        return envelope * sum;
    }
}
