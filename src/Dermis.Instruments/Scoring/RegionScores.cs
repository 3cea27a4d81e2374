namespace Dermis.Instruments.Scoring;

/// <summary>
/// The four body regions of EASI and PASI (head and neck, upper limbs, trunk, lower limbs) with one
/// value each; <see langword="null"/> where a region could not be scored.
/// </summary>
/// <typeparam name="T">The per-region value: raw inputs or a regional score.</typeparam>
public sealed record RegionScores<T>(T Head, T UpperLimbs, T Trunk, T LowerLimbs)
{
    /// <summary>The value of region <paramref name="index"/> (0 head … 3 lower limbs).</summary>
    public T this[int index] => index switch
    {
        0 => Head,
        1 => UpperLimbs,
        2 => Trunk,
        3 => LowerLimbs,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Region index is 0–3."),
    };
}

/// <summary>Names of the four EASI/PASI body regions.</summary>
public static class BodyRegions
{
    /// <summary>JSON names of the regions, in <see cref="RegionScores{T}"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["head", "upperLimbs", "trunk", "lowerLimbs"];
}
