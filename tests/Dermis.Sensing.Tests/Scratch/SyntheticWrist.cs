using Dermis.Sensing.Motion;

namespace Dermis.Sensing.Tests.Scratch;

/// <summary>Hand-built 20 Hz wrist recordings: still gravity on z plus deterministic pseudo-noise, with inserted movements.</summary>
internal sealed class SyntheticWrist
{
    private const double Fs = 20;
    private readonly float[] _x;
    private readonly float[] _y;
    private readonly float[] _z;

    public SyntheticWrist(double seconds, double noiseG = 0.003)
    {
        int n = (int)(seconds * Fs);
        _x = new float[n];
        _y = new float[n];
        _z = new float[n];
        var random = new Random(11);
        for (int i = 0; i < n; i++)
        {
            _x[i] = (float)(noiseG * ((random.NextDouble() * 2) - 1) * Math.Sqrt(3));
            _y[i] = (float)(noiseG * ((random.NextDouble() * 2) - 1) * Math.Sqrt(3));
            _z[i] = (float)(1 + (noiseG * ((random.NextDouble() * 2) - 1) * Math.Sqrt(3)));
        }
    }

    public AccelerometerNight Night => new(_x, _y, _z, Fs);

    /// <summary>Adds a sinusoid of <paramref name="amplitudeG"/> at <paramref name="frequencyHz"/> on x (and half on y) over [start, end) s.</summary>
    public SyntheticWrist Scratch(double startSeconds, double endSeconds, double frequencyHz, double amplitudeG)
    {
        for (int i = (int)(startSeconds * Fs); i < (int)(endSeconds * Fs); i++)
        {
            double phase = 2 * Math.PI * frequencyHz * i / Fs;
            _x[i] += (float)(amplitudeG * Math.Sin(phase));
            _y[i] += (float)(0.5 * amplitudeG * Math.Sin(phase + 1));
        }

        return this;
    }

    /// <summary>Turns the gravity vector from z towards x by <paramref name="degrees"/> over [start, end) s and keeps it there.</summary>
    public SyntheticWrist Turn(double startSeconds, double endSeconds, double degrees)
    {
        int i0 = (int)(startSeconds * Fs), i1 = (int)(endSeconds * Fs);
        for (int i = i0; i < _x.Length; i++)
        {
            double progress = Math.Min(1.0, (double)(i - i0) / (i1 - i0));
            double angle = degrees * Math.PI / 180 * (0.5 - (0.5 * Math.Cos(Math.PI * progress)));
            _x[i] += (float)Math.Sin(angle);
            _z[i] += (float)(Math.Cos(angle) - 1);
        }

        return this;
    }
}
