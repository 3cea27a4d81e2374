using System.Globalization;

namespace Dermis.Sensing.Tests.Motion;

/// <summary>Loads the SKDH context vectors (tests/data/skdh-testvectors/context, 20 Hz, g, header x,y,z).</summary>
internal static class MotionTestVectors
{
    public static (float[] X, float[] Y, float[] Z) Load(string file, int repeat = 1)
    {
        var lines = File.ReadAllLines(SharedData.PathOf("skdh-testvectors", "context", file));
        int n = lines.Length - 1;
        var x = new float[n * repeat];
        var y = new float[n * repeat];
        var z = new float[n * repeat];
        for (int i = 0; i < n; i++)
        {
            var parts = lines[i + 1].Split(',');
            for (int r = 0; r < repeat; r++)
            {
                x[(r * n) + i] = float.Parse(parts[0], CultureInfo.InvariantCulture);
                y[(r * n) + i] = float.Parse(parts[1], CultureInfo.InvariantCulture);
                z[(r * n) + i] = float.Parse(parts[2], CultureInfo.InvariantCulture);
            }
        }

        return (x, y, z);
    }
}
