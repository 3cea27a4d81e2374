namespace Dermis.Precision.Continuous;

/// <summary>Settings of a single-visit ANCOVA (<see cref="Ancova.Fit"/>).</summary>
public sealed record AncovaOptions
{
    /// <summary>Control arm; contrasts are every other arm minus this one.</summary>
    public required string ReferenceArm { get; init; }

    /// <summary>Two-sided confidence level of the intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
