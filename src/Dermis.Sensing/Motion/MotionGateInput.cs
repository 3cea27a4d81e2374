namespace Dermis.Sensing.Motion;

/// <summary>Argument checks shared by the motion gates, so both state the same field, value and allowed range.</summary>
internal static class MotionGateInput
{
    public static int Validate(
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, Span<bool> movementPerSecond, int expectedOutputLength)
    {
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException($"The three axes must have the same length; got x {x.Length}, y {y.Length}, z {z.Length} samples.", nameof(y));
        }

        int window = (int)sampleRateHz;
        if (x.Length < window)
        {
            throw new ArgumentException(
                $"The recording has {x.Length} samples; a motion gate needs at least one 1-s window ({window} samples).", nameof(x));
        }

        if (movementPerSecond.Length != expectedOutputLength)
        {
            throw new ArgumentException(
                $"movementPerSecond has length {movementPerSecond.Length}; it must have DecisionCount(n, rate) = {expectedOutputLength} elements.",
                nameof(movementPerSecond));
        }

        return window;
    }
}
