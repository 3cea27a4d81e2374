namespace Dermis.Trials.Tests.Randomisation;

/// <summary>Goodness-of-fit helpers for the distribution tests.</summary>
/// <remarks>
/// Critical values (upper 0.1 % of χ², from standard tables): df 2 → 13.816 (exactly 2·ln 1000),
/// df 5 → 20.515. The sources are seeded, so each test is deterministic; the bound documents that a
/// correct generator passes it with probability 0.999 for any seed, not only the one chosen.
/// </remarks>
internal static class Frequencies
{
    public const double ChiSquare2DfAt0001 = 13.816;
    public const double ChiSquare5DfAt0001 = 20.515;

    /// <summary>Pearson's χ² = Σ (observed − expected)² / expected, expected = total × probability.</summary>
    public static double ChiSquare(IReadOnlyList<int> observed, IReadOnlyList<double> probabilities)
    {
        var total = observed.Sum();
        var chi = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * probabilities[i];
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        return chi;
    }
}
