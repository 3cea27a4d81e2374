namespace Dermis.Sensing.Simulation;

/// <summary>Event parameters drawn per kind (sources on <see cref="NightSimulator"/>).</summary>
public static partial class NightSimulator
{
    private const double MaximumScratchSeconds = 1200.0;

    private static Plan PlanScratch(SimulationRandom random, NightSimulationOptions options, ScratchBoutProfile profile, double start)
    {
        bool finger = random.Uniform() < options.FingerOnlyFraction;
        double duration = options.MinimumScratchSeconds;
        for (int attempt = 0; attempt < 100; attempt++)
        {
            double draw = profile.MedianBoutSeconds * Math.Exp(profile.SigmaLog * random.Gaussian());
            if (draw >= options.MinimumScratchSeconds)
            {
                duration = Math.Min(draw, MaximumScratchSeconds);
                break;
            }
        }

        int dominant = random.Next(3);
        double s1 = random.Uniform(0.3, 0.5), s2 = random.Uniform(0.3, 0.5);
        var scales = dominant switch
        {
            0 => new Vec3(1, s1, s2),
            1 => new Vec3(s1, 1, s2),
            _ => new Vec3(s1, s2, 1),
        };

        var plan = new Plan
        {
            Kind = finger ? SimulatedEventKind.FingerScratch : SimulatedEventKind.Scratch,
            Start = start,
            Duration = duration,
            AmplitudeG = finger ? random.LogUniform(0.004, 0.015) : random.LogUniform(0.05, 0.4),
            FrequencyHz = random.Uniform(2, 5),
            FmDepth = random.Uniform(0, 0.1),
            FmRateHz = random.Uniform(0.1, 0.5),
            FmPhase = random.Uniform(0, 2 * Math.PI),
            AmDepth = random.Uniform(0, 0.2),
            AmRateHz = random.Uniform(0.05, 0.3),
            AmPhase = random.Uniform(0, 2 * Math.PI),
            AxisScales = scales,
            AxisPhases = new Vec3(random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI)),
            HarmonicPhase2 = random.Uniform(0, 2 * Math.PI),
            HarmonicPhase3 = random.Uniform(0, 2 * Math.PI),
            RampSeconds = 0.3,
        };

        double rotation = random.Uniform(0, 20);
        plan.RotationDegrees = finger ? 0 : rotation;
        plan.RotationSeconds = Math.Min(1.0, duration / 4);
        plan.AxisSeed = random.UnitVector();
        return plan;
    }

    private static Plan PlanPosture(SimulationRandom random, double start) =>
        PlanHannMovement(random, SimulatedEventKind.PostureChange, start, 2, 10, 30, 150, components: 3, 0.2, 1.2, 0.01, 0.08);

    private static Plan PlanRestless(SimulationRandom random, double start) =>
        PlanHannMovement(random, SimulatedEventKind.RestlessMovement, start, 1, 10, 0, 20, components: 4, 0.3, 2.0, 0.02, 0.1);

    // A non-periodic movement: sinusoidal components under a Hann window, with a re-orientation across the whole event.
    // The draws keep their order (duration, rotation, axis, components): a seed gives the same night as before.
    private static Plan PlanHannMovement(
        SimulationRandom random, SimulatedEventKind kind, double start, double minSeconds, double maxSeconds, double minDegrees, double maxDegrees,
        int components, double lowHz, double highHz, double lowG, double highG)
    {
        var plan = new Plan
        {
            Kind = kind,
            Start = start,
            Duration = random.Uniform(minSeconds, maxSeconds),
            RotationDegrees = random.Uniform(minDegrees, maxDegrees),
            HannWindow = true,
            AxisSeed = random.UnitVector(),
        };
        plan.RotationSeconds = plan.Duration;
        plan.Components = DrawComponents(random, components, lowHz, highHz, lowG, highG);
        plan.AmplitudeG = MaxAmplitude(plan.Components);
        return plan;
    }

    private static Plan PlanWake(SimulationRandom random, double start)
    {
        double duration = random.Uniform(10, 60);
        double f = random.Uniform(0.3, 0.9);
        double amplitude = random.Uniform(0.05, 0.2);
        var direction = random.UnitVector();
        double phase = random.Uniform(0, 2 * Math.PI);
        var plan = new Plan
        {
            Kind = SimulatedEventKind.WakeActivity,
            Start = start,
            Duration = duration,
            FrequencyHz = f,
            AmplitudeG = amplitude,
            RotationDegrees = random.Uniform(0, 40),
            RotationSeconds = Math.Min(2.0, duration / 4),
            RampSeconds = 1.0,
            AxisSeed = random.UnitVector(),
            Components =
            [
                new Component(f, amplitude * direction, phase),
                new Component(2 * f, amplitude * Math.Pow(10, -10.0 / 20.0) * direction, random.Uniform(0, 2 * Math.PI)),
            ],
        };
        return plan;
    }

    private static Component[] DrawComponents(SimulationRandom random, int count, double lowHz, double highHz, double lowG, double highG)
    {
        var components = new Component[count];
        for (int i = 0; i < count; i++)
        {
            double f = random.Uniform(lowHz, highHz);
            double a = random.Uniform(lowG, highG);
            components[i] = new Component(f, a * random.UnitVector(), random.Uniform(0, 2 * Math.PI));
        }

        return components;
    }

    private static double MaxAmplitude(Component[] components)
    {
        double max = 0;
        foreach (var c in components)
        {
            max = Math.Max(max, c.Amplitude.Length);
        }

        return max;
    }

    /// <summary>A sinusoid of fixed frequency along a fixed vector (g).</summary>
    private readonly record struct Component(double FrequencyHz, Vec3 Amplitude, double Phase);

    /// <summary>One planned event: timing, re-orientation and waveform parameters.</summary>
    private sealed class Plan
    {
        public SimulatedEventKind Kind { get; init; }

        public double Start { get; init; }

        public double Duration { get; set; }

        public double AmplitudeG { get; set; }

        public double FrequencyHz { get; init; }

        public double RotationDegrees { get; set; }

        public double RotationSeconds { get; set; }

        /// <summary>Random vector from which the rotation axis (perpendicular to gravity at onset) is built.</summary>
        public Vec3 AxisSeed { get; set; }

        public bool HannWindow { get; init; }

        public double RampSeconds { get; init; }

        public Component[] Components { get; set; } = [];

        public double FmDepth { get; init; }

        public double FmRateHz { get; init; }

        public double FmPhase { get; init; }

        public double AmDepth { get; init; }

        public double AmRateHz { get; init; }

        public double AmPhase { get; init; }

        public Vec3 AxisScales { get; init; }

        public Vec3 AxisPhases { get; init; }

        public double HarmonicPhase2 { get; init; }

        public double HarmonicPhase3 { get; init; }

        public bool IsRhythmicScratch => Kind is SimulatedEventKind.Scratch or SimulatedEventKind.FingerScratch;

        public SimulatedEvent ToEvent() => new(Kind, Start, Start + Duration, AmplitudeG, FrequencyHz, RotationDegrees);
    }
}
