namespace Dermis.Sensing.Vitals;

/// <summary>
/// Whether a radio night's vital signs can be reported (docs/sensing-vitals.md, "Quality rules"). The rules are checked
/// in this order of precedence: <see cref="TooShort"/>, <see cref="MotionSwamped"/>, <see cref="WeakSignal"/>.
/// </summary>
public enum VitalsQuality
{
    /// <summary>Long enough, mostly still and with clear breathing in enough windows: rates are reported.</summary>
    Good = 0,

    /// <summary>More than <see cref="VitalSignsOptions.MaximumMotionFraction"/> of the windows hold gross motion.</summary>
    MotionSwamped = 1,

    /// <summary>Fewer than <see cref="VitalSignsOptions.MinimumUsableFraction"/> of the windows show a clear breathing peak at rest.</summary>
    WeakSignal = 2,

    /// <summary>Shorter than <see cref="VitalSignsOptions.MinimumDurationSeconds"/>.</summary>
    TooShort = 3,
}
