namespace Dermis.Sensing.Nights;

/// <summary>
/// A night's movement at a glance, for drawing detected events over the signal: the standard deviation
/// of the acceleration magnitude per fixed step, in milli-g. Lying still gives about the sensor's noise
/// (1–3 mg); turning over and scratching stand out by one to two orders of magnitude. The magnitude
/// (not one axis) makes it independent of how the band sits on the wrist.
/// </summary>
public static class MovementTrace
{
    /// <summary>Standard deviation (population) of √(x²+y²+z²) per <paramref name="stepSeconds"/>, in mg; a last partial step is included.</summary>
    /// <param name="x">x in g.</param>
    /// <param name="y">y in g, as long as <paramref name="x"/>.</param>
    /// <param name="z">z in g, as long as <paramref name="x"/>.</param>
    /// <param name="sampleRateHz">Samples per second, &gt; 0.</param>
    /// <param name="stepSeconds">Step length, s; at least one sample long.</param>
    /// <exception cref="ArgumentException">The axes differ in length, or the rate or step is out of range.</exception>
    public static float[] StandardDeviationMilliG(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, double stepSeconds)
    {
        if (x.Length != y.Length || x.Length != z.Length)
        {
            throw new ArgumentException($"The axes differ in length: x {x.Length}, y {y.Length}, z {z.Length}.", nameof(x));
        }

        if (!(sampleRateHz > 0) || double.IsInfinity(sampleRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "The sample rate must be a finite number of Hz above 0.");
        }

        var per = (int)Math.Round(stepSeconds * sampleRateHz);
        if (!double.IsFinite(stepSeconds) || per < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSeconds), stepSeconds, $"The step must hold at least one sample (≥ {1 / sampleRateHz} s at {sampleRateHz} Hz).");
        }

        var steps = (x.Length + per - 1) / per;
        var trace = new float[steps];
        for (var s = 0; s < steps; s++)
        {
            var from = s * per;
            var to = Math.Min(x.Length, from + per);
            // Two passes (mean, then squared deviations): exact enough in double for a 10-s step.
            double sum = 0;
            for (var i = from; i < to; i++)
            {
                sum += Math.Sqrt((x[i] * (double)x[i]) + (y[i] * (double)y[i]) + (z[i] * (double)z[i]));
            }

            var mean = sum / (to - from);
            double squares = 0;
            for (var i = from; i < to; i++)
            {
                var d = Math.Sqrt((x[i] * (double)x[i]) + (y[i] * (double)y[i]) + (z[i] * (double)z[i])) - mean;
                squares += d * d;
            }

            trace[s] = (float)(Math.Sqrt(squares / (to - from)) * 1000);
        }

        return trace;
    }
}
