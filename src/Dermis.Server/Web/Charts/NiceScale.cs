namespace Dermis.Server.Web.Charts;

/// <summary>
/// An axis range whose bounds are whole multiples of a "nice" step (1, 2 or 5 × 10^k), so tick
/// labels read as round numbers.
/// </summary>
/// <param name="Min">The lowest tick (a multiple of <paramref name="Step"/>).</param>
/// <param name="Max">The highest tick (a multiple of <paramref name="Step"/>).</param>
/// <param name="Step">The distance between ticks; always positive.</param>
public readonly record struct NiceRange(double Min, double Max, double Step)
{
    /// <summary>How many ticks lie from <see cref="Min"/> to <see cref="Max"/>, both included.</summary>
    public int TickCount => (int)Math.Round((Max - Min) / Step) + 1;

    /// <summary>The <paramref name="index"/>-th tick, counted from <see cref="Min"/>.</summary>
    /// <remarks>Computed as a multiple of the step rather than by repeated addition, so 0.1-steps do not drift.</remarks>
    public double TickAt(int index) => (Math.Round(Min / Step) + index) * Step;

    /// <summary>Digits after the decimal point a tick label needs: 0 for steps of 1 or more, 1 for 0.5, 2 for 0.05.</summary>
    public int Decimals => Step >= 1 ? 0 : Math.Min(6, (int)Math.Ceiling(-Math.Log10(Step) - 1e-9));
}

/// <summary>The "nice numbers" axis algorithm: round tick steps of 1, 2 or 5 × 10^k.</summary>
public static class NiceScale
{
    private static readonly double[] Mantissas = [1, 2, 5];

    // Tolerance for floor/ceil of min/step: 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
    private const double Epsilon = 1e-9;

    /// <summary>
    /// The smallest nice step whose covering range [⌊min/step⌋·step, ⌈max/step⌉·step] has at most
    /// <paramref name="maxTicks"/> ticks (both ends included), and that range.
    /// </summary>
    /// <remarks>
    /// Never throws: bounds given in the wrong order are swapped; a single value v is widened to
    /// include zero ([0, v] or [v, 0]; [0, 1] for v = 0) so a lone point still sits on a readable
    /// scale; NaN or infinite bounds give [0, 1]. <paramref name="maxTicks"/> below 3 counts as 3,
    /// because a range that straddles zero always needs at least three ticks (−s, 0, s).
    /// </remarks>
    /// <param name="min">The lowest value to cover.</param>
    /// <param name="max">The highest value to cover.</param>
    /// <param name="maxTicks">The most ticks the axis has room for; about 5–6 reads well.</param>
    public static NiceRange For(double min, double max, int maxTicks = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        // Beyond ±1e300 the width max − min would overflow to infinity and no step could be found.
        min = Math.Clamp(min, -1e300, 1e300);
        max = Math.Clamp(max, -1e300, 1e300);
        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (min == max)
        {
            (min, max) = min switch { > 0 => (0.0, min), < 0 => (min, 0.0), _ => (0.0, 1.0) };
        }

        maxTicks = Math.Max(3, maxTicks);
        // Start one decade below the raw step so the first candidate that fits is the smallest one.
        var rawStep = (max - min) / (maxTicks - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rawStep)) - 1);
        while (true)
        {
            foreach (var mantissa in Mantissas)
            {
                var step = mantissa * magnitude;
                var low = Math.Floor(min / step + Epsilon);
                var high = Math.Ceiling(max / step - Epsilon);
                if (high - low + 1 <= maxTicks)
                {
                    // "+ 0.0" turns a negative zero into zero, so a label never reads "-0".
                    return new NiceRange(low * step + 0.0, high * step + 0.0, step);
                }
            }

            magnitude *= 10;
        }
    }
}
