namespace Dermis.Sensing.Motion;

/// <summary>A run of consecutive 1-s movement windows from an <see cref="IMotionGate"/>: seconds [<see cref="StartSecond"/>, <see cref="EndSecond"/>).</summary>
/// <param name="StartSecond">Index of the first movement window (inclusive).</param>
/// <param name="EndSecond">Index one past the last movement window (exclusive).</param>
public readonly record struct MovementBout(int StartSecond, int EndSecond)
{
    /// <summary>Length in whole seconds.</summary>
    public int DurationSeconds => EndSecond - StartSecond;

    /// <summary>
    /// Runs of true flags as bouts, joining two runs separated by at most <paramref name="maxGapSeconds"/> still windows
    /// (0 = SKDH's run-length encoding, no joining).
    /// </summary>
    /// <param name="movementPerSecond">Gate output, one flag per 1-s window.</param>
    /// <param name="maxGapSeconds">Largest still gap that is bridged, ≥ 0.</param>
    public static IReadOnlyList<MovementBout> FromSeconds(ReadOnlySpan<bool> movementPerSecond, int maxGapSeconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxGapSeconds);
        var bouts = new List<MovementBout>();
        int i = 0;
        while (i < movementPerSecond.Length)
        {
            if (!movementPerSecond[i])
            {
                i++;
                continue;
            }

            int start = i;
            while (i < movementPerSecond.Length && movementPerSecond[i])
            {
                i++;
            }

            if (bouts.Count > 0 && start - bouts[^1].EndSecond <= maxGapSeconds)
            {
                bouts[^1] = bouts[^1] with { EndSecond = i };
            }
            else
            {
                bouts.Add(new MovementBout(start, i));
            }
        }

        return bouts;
    }
}
