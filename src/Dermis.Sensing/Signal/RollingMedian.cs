using System.Buffers;
using System.Numerics;

namespace Dermis.Sensing.Signal;

/// <summary>Centred moving median over a fixed number of samples, the window truncated at the ends of the signal.</summary>
internal static class RollingMedian
{
    /// <summary>
    /// y[i] = median of x[max(0, i − ⌊w/2⌋) … min(n, i − ⌊w/2⌋ + w) − 1]; an even count takes the mean of the two middle values.
    /// Keeps the window sorted (binary search and one block move per step): O(n·w) moves worst case, O(n log w) comparisons.
    /// </summary>
    public static void Centred<T>(ReadOnlySpan<T> x, int window, Span<T> y)
        where T : INumber<T>
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"The output has {y.Length} values but the input has {x.Length}; they must be equal.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int n = x.Length;
        if (n == 0)
        {
            return;
        }

        int half = window / 2;
        T[] rented = ArrayPool<T>.Shared.Rent(Math.Min(window, n) + 1);
        try
        {
            var sorted = rented.AsSpan();
            int count = 0;
            int initialEnd = Math.Min(n, window - half);
            for (int i = 0; i < initialEnd; i++)
            {
                Insert(sorted, ref count, x[i]);
            }

            T two = T.One + T.One;
            for (int i = 0; i < n; i++)
            {
                y[i] = (count & 1) == 1
                    ? sorted[count / 2]
                    : (sorted[(count / 2) - 1] + sorted[count / 2]) / two;

                int leaving = i - half;
                int entering = i + 1 - half + window - 1;
                if (leaving >= 0 && entering < n)
                {
                    Replace(sorted[..count], x[leaving], x[entering]);
                }
                else if (leaving >= 0)
                {
                    Remove(sorted, ref count, x[leaving]);
                }
                else if (entering < n)
                {
                    Insert(sorted, ref count, x[entering]);
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    private static void Insert<T>(Span<T> sorted, ref int count, T value)
        where T : INumber<T>
    {
        int at = LowerBound(sorted[..count], value);
        sorted[at..count].CopyTo(sorted[(at + 1)..]);
        sorted[at] = value;
        count++;
    }

    // Swaps one value for another with a single block move between their two positions (a third of the window on
    // average for random data, against a whole window for a removal followed by an insertion).
    private static void Replace<T>(Span<T> sorted, T leaving, T entering)
        where T : INumber<T>
    {
        int from = LowerBound(sorted, leaving);
        int to = LowerBound(sorted, entering);
        if (to > from)
        {
            sorted[(from + 1)..to].CopyTo(sorted[from..]);
            sorted[to - 1] = entering;
        }
        else
        {
            sorted[to..from].CopyTo(sorted[(to + 1)..]);
            sorted[to] = entering;
        }
    }

    private static void Remove<T>(Span<T> sorted, ref int count, T value)
        where T : INumber<T>
    {
        int at = LowerBound(sorted[..count], value);
        sorted[(at + 1)..count].CopyTo(sorted[at..]);
        count--;
    }

    private static int LowerBound<T>(ReadOnlySpan<T> sorted, T value)
        where T : INumber<T>
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
