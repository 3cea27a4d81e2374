namespace Dermis.Sensing.Simulation;

/// <summary>What <see cref="NightSimulator"/> generates; every default is documented with its source on the property.</summary>
public sealed record NightSimulationOptions
{
    /// <summary>Recording length, h; (0, 24]; default 8 (§1.7: TSO mean 8 h).</summary>
    public double DurationHours { get; init; } = 8.0;

    /// <summary>Samples per second, [10, 200]; default 20 (the rate Pfizer and Lilly pipelines resample to, §1.7).</summary>
    public double SampleRateHz { get; init; } = 20.0;

    /// <summary>Disease group; default <see cref="ScratchSeverity.Moderate"/>.</summary>
    public ScratchSeverity Severity { get; init; } = ScratchSeverity.Moderate;

    /// <summary>Overrides the bout process of <see cref="Severity"/> when set.</summary>
    public ScratchBoutProfile? Profile { get; init; }

    /// <summary>
    /// Share of scratch bouts made with the fingers only (wrist oscillation 4–15 mg, below the gates), [0, 1];
    /// default 0.2 (§1.7: 15–25 %, the wrist sensors' known blind spot, Ji 2023).
    /// </summary>
    public double FingerOnlyFraction { get; init; } = 0.2;

    /// <summary>
    /// Shortest scratch bout, s, [0.5, 60]; shorter draws are redrawn; default 5 (Ebata 1999's video-countable bout).
    /// Set below 5 to also emit 1–5 s micro-bouts.
    /// </summary>
    public double MinimumScratchSeconds { get; init; } = 5.0;

    /// <summary>Posture changes (turns) per hour, [0, 30]; default 3 (§1.7 [A]: 2–4 per sleep hour).</summary>
    public double PostureChangesPerHour { get; init; } = 3.0;

    /// <summary>Quiet-wake activity bouts (periodic, &lt; 1 Hz) per hour, [0, 30]; default 0.5 [A].</summary>
    public double WakeActivitiesPerHour { get; init; } = 0.5;

    /// <summary>The bout process in effect: <see cref="Profile"/> or the profile of <see cref="Severity"/>.</summary>
    public ScratchBoutProfile EffectiveProfile => Profile ?? ScratchBoutProfile.For(Severity);
}
