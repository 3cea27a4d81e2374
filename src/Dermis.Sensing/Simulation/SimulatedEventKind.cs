namespace Dermis.Sensing.Simulation;

/// <summary>Kind of a ground-truth movement in a simulated night.</summary>
public enum SimulatedEventKind
{
    /// <summary>Wrist scratch: rhythmic 2–5 Hz oscillation, 0.05–0.4 g (§1.7).</summary>
    Scratch,

    /// <summary>Finger-only scratch: the same rhythm at 4–15 mg, mostly invisible at the wrist (§1.7, Ji 2023).</summary>
    FingerScratch,

    /// <summary>Turn in bed: 30–150° re-orientation over 2–10 s with low-frequency (0.2–1.2 Hz) motion.</summary>
    PostureChange,

    /// <summary>Restless hand or limb movement: non-periodic 0.3–2 Hz, 1–10 s (§1.7 confounder).</summary>
    RestlessMovement,

    /// <summary>Quiet-wake activity such as phone use: periodic 0.3–0.9 Hz, 10–60 s (§1.7 confounder).</summary>
    WakeActivity,
}
