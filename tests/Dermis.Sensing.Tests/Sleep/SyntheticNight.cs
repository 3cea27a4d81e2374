namespace Dermis.Sensing.Tests.Sleep;

/// <summary>
/// A deterministic synthetic wrist recording from 18:00 to 10:00 (16 h) for sleep-window tests. The arm orientation
/// (z-angle θ, azimuth φ) is set once per second and interpolated linearly between seconds; acceleration is
/// (cos θ cos φ, cos θ sin φ, sin θ) g plus Gaussian noise.
/// <list type="bullet">
/// <item>Active (restless evening, a 03:00–03:15 awakening, the morning from 07:00): θ and φ random-walk each second
/// (σ 8° and 10°), noise 0.03 g.</item>
/// <item>Still (19:00–19:40 on the sofa, 20:30–20:50 reading, 23:00–07:00 in bed): fixed posture, noise 0.003 g.</item>
/// <item>Brief turns in bed at 00:15, 01:40, 04:50 and 06:10: a 20-s move of 35° in θ and 40° in φ.</item>
/// </list>
/// HDCZA should drop the 20-min still stretch (not longer than 30 min), keep the 40-min one as a separate, shorter
/// block (200 min before the night), and merge the two parts of the night across the 15-min awakening: 23:00–07:00.
/// </summary>
internal static class SyntheticNight
{
    public const double StartHour = 18;
    public const double Hours = 16;

    public static (float[] X, float[] Y, float[] Z) Generate(double sampleRateHz, int seed)
    {
        var random = new Random(seed);
        int seconds = (int)(Hours * 3600);
        var theta = new double[seconds + 1];
        var phi = new double[seconds + 1];
        var still = new bool[seconds + 1];
        theta[0] = 10;
        double turnTheta = 0;
        int turnLeft = 0;
        for (int s = 0; s < seconds; s++)
        {
            double hour = StartHour + (s / 3600.0);
            bool inBed = hour >= 23 && hour < 31 && !(hour >= 27 && hour < 27.25);
            still[s] = inBed || (hour >= 19 && hour < 19 + (40.0 / 60)) || (hour >= 20.5 && hour < 20 + (50.0 / 60));
            if (inBed && turnLeft == 0 && IsTurnStart(s))
            {
                turnLeft = 20;
                turnTheta = theta[s] > 0 ? -35 : 35;
            }

            if (!still[s])
            {
                theta[s + 1] = Math.Clamp(theta[s] + (8 * Gaussian(random)), -80, 80);
                phi[s + 1] = phi[s] + (10 * Gaussian(random));
            }
            else if (turnLeft > 0)
            {
                theta[s + 1] = theta[s] + (turnTheta / 20);
                phi[s + 1] = phi[s] + 2;
                turnLeft--;
            }
            else
            {
                theta[s + 1] = theta[s];
                phi[s + 1] = phi[s];
            }
        }

        int n = (int)(seconds * sampleRateHz);
        var x = new float[n];
        var y = new float[n];
        var z = new float[n];
        for (int i = 0; i < n; i++)
        {
            double time = i / sampleRateHz;
            int s = (int)time;
            double w = time - s;
            double t = (theta[s] + ((theta[s + 1] - theta[s]) * w)) * Math.PI / 180;
            double p = (phi[s] + ((phi[s + 1] - phi[s]) * w)) * Math.PI / 180;
            double noise = still[s] ? 0.003 : 0.03;
            x[i] = (float)((Math.Cos(t) * Math.Cos(p)) + (noise * Gaussian(random)));
            y[i] = (float)((Math.Cos(t) * Math.Sin(p)) + (noise * Gaussian(random)));
            z[i] = (float)(Math.Sin(t) + (noise * Gaussian(random)));
        }

        return (x, y, z);
    }

    /// <summary>Seconds from the start of the recording to a clock time (hours, 18–34 for 18:00–10:00).</summary>
    public static double SecondsAt(double hour) => (hour - StartHour) * 3600;

    private static bool IsTurnStart(int second)
    {
        foreach (double turn in (double[])[24.25, 25 + (40.0 / 60), 28 + (50.0 / 60), 30 + (10.0 / 60)])
        {
            if (second == (int)Math.Round(SecondsAt(turn)))
            {
                return true;
            }
        }

        return false;
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm finite.
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
