namespace Dermis.Server.Demo;

/// <summary>
/// Seeds for the demo's per-participant and per-day draws, the same in every process: <c>HashCode.Combine</c>, used at
/// first, is randomised per process, so the same participant drew different diaries, visits and nights on every run.
/// (Arms still come from the server's own randomisation, so a run's totals can differ all the same.)
/// </summary>
internal static class DemoSeed
{
    /// <summary>A non-negative seed mixed from two numbers and a salt that names the draw (multiply–xorshift, as in MurmurHash3's finaliser).</summary>
    public static int Of(int a, int b, int salt)
    {
        unchecked
        {
            var h = (uint)a * 2654435761u;
            h ^= (uint)b * 2246822519u;
            h ^= (uint)salt * 3266489917u;
            h ^= h >> 15;
            h *= 668265263u;
            h ^= h >> 13;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
