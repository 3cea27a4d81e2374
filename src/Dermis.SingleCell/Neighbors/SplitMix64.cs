namespace Dermis.SingleCell.Neighbors;

/// <summary>
/// A small seeded generator (SplitMix64, Steele, Lea &amp; Flood 2014, doi:10.1145/2660193.2660195) whose stream is fixed
/// across .NET versions, so that seeded graph results are reproducible bit for bit.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Derives an independent stream for a (seed, stream, index) triple, so parallel chunks need no shared state.</summary>
    public static SplitMix64 For(ulong seed, ulong stream, ulong index) => new(Mix(Mix(seed ^ 0x9E3779B97F4A7C15UL) ^ Mix(stream + 0xD1B54A32D192ED03UL) ^ index));

    /// <summary>The SplitMix64 finaliser; also used as a stateless hash.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform integer in [0, bound) by Lemire's multiply-shift (bias below 2⁻³² for the bounds used here).</summary>
    public int NextInt(int bound) => (int)(((NextUInt64() >> 32) * (ulong)(uint)bound) >> 32);

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal deviate by the Box–Muller transform.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="values"/> in place.</summary>
    public void Shuffle(Span<int> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
