using Dermis.Sensing.Nights;

namespace Dermis.Sensing.Tests.Nights;

public sealed class MovementTraceTests
{
    [Fact]
    public void StandardDeviationMilliG_of_hand_computed_steps_is_exact()
    {
        // 1 Hz, 2-s steps. Step 1: magnitudes 1.0 and 1.2 (z only) → SD 0.1 g = 100 mg.
        // Step 2: (0.6, 0.8, 0) and (0, 0, 1) → magnitudes 1 and 1 → 0 mg. Step 3 (partial): one sample → 0 mg.
        float[] x = [0, 0, 0.6f, 0, 0];
        float[] y = [0, 0, 0.8f, 0, 0];
        float[] z = [1, 1.2f, 0, 1, 3];

        var trace = MovementTrace.StandardDeviationMilliG(x, y, z, 1, 2);

        Assert.Equal(3, trace.Length);
        Assert.Equal(100, trace[0], 3);
        Assert.Equal(0, trace[1], 3);
        Assert.Equal(0, trace[2], 6);
    }

    [Fact]
    public void StandardDeviationMilliG_does_not_depend_on_how_the_band_sits()
    {
        // The same movement seen with the axes swapped and signs flipped gives the same trace.
        var random = new Random(7);
        var x = new float[400];
        var y = new float[400];
        var z = new float[400];
        for (var i = 0; i < x.Length; i++)
        {
            (x[i], y[i], z[i]) = ((float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f, 1 + ((float)random.NextDouble() - 0.5f));
        }

        var a = MovementTrace.StandardDeviationMilliG(x, y, z, 20, 10);
        var b = MovementTrace.StandardDeviationMilliG(z.Select(v => -v).ToArray(), x, y, 20, 10);

        Assert.Equal(a, b);
    }

    [Fact]
    public void StandardDeviationMilliG_refuses_a_step_shorter_than_a_sample()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MovementTrace.StandardDeviationMilliG([1f], [1f], [1f], 20, 0.01));
        Assert.Equal("stepSeconds", e.ParamName);
    }
}
