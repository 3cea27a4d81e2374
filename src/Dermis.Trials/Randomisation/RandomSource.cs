using System.Security.Cryptography;

namespace Dermis.Trials.Randomisation;

/// <summary>
/// Where allocation randomness comes from: a cryptographic source in production (no one can predict
/// the next allocation from the past ones), a seeded or scripted one in tests and simulations.
/// Every draw is counted so that an allocation's diagnostic record can name its position in the stream.
/// </summary>
public abstract class RandomSource
{
    /// <summary>Draws made so far.</summary>
    public long Draws { get; private set; }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        Draws++;
        return NextIntCore(maxExclusive);
    }

    /// <summary>A uniform number in [0, 1) with 2⁻⁵³ resolution.</summary>
    public double NextUnit()
    {
        Draws++;
        return NextUnitCore();
    }

    /// <summary>Produces one uniform integer in [0, maxExclusive).</summary>
    protected abstract int NextIntCore(int maxExclusive);

    /// <summary>Produces one uniform number in [0, 1).</summary>
    protected virtual double NextUnitCore() => (((long)NextIntCore(1 << 26) << 27) + NextIntCore(1 << 27)) * (1.0 / (1L << 53));

    /// <summary>The production source: <see cref="RandomNumberGenerator"/>.</summary>
    public static RandomSource Cryptographic() => new CryptographicSource();

    /// <summary>A reproducible source for tests and simulations.</summary>
    public static RandomSource Seeded(int seed) => new SeededSource(seed);

    private sealed class CryptographicSource : RandomSource
    {
        protected override int NextIntCore(int maxExclusive) => RandomNumberGenerator.GetInt32(maxExclusive);
    }

    private sealed class SeededSource(int seed) : RandomSource
    {
        private readonly Random _random = new(seed);

        protected override int NextIntCore(int maxExclusive) => _random.Next(maxExclusive);

        protected override double NextUnitCore() => _random.NextDouble();
    }
}
