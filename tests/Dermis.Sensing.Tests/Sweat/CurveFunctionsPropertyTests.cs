using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

/// <summary>Invariants of the models on random parameter sets (seeded): inverse(f(x)) = x, and analytic gradients = finite differences.</summary>
public sealed class CurveFunctionsPropertyTests
{
    private static double[] RandomParameters(Random random, CurveModel model)
    {
        if (model == CurveModel.LogLinear)
        {
            return [(random.NextDouble() * 20) - 10, (random.NextDouble() < 0.5 ? -1 : 1) * (0.5 + (random.NextDouble() * 20))];
        }

        var a = (random.NextDouble() * 2) - 1;
        var d = a + ((random.NextDouble() < 0.5 ? -1 : 1) * (0.5 + (random.NextDouble() * 4.5)));
        var b = 0.5 + (random.NextDouble() * 2.5);
        var c = Math.Pow(10, (random.NextDouble() * 5) - 1);
        return model == CurveModel.FiveParameterLogistic ? [a, b, c, d, 0.3 + (random.NextDouble() * 2.7)] : [a, b, c, d];
    }

    [Theory]
    [InlineData(CurveModel.FourParameterLogistic)]
    [InlineData(CurveModel.FiveParameterLogistic)]
    [InlineData(CurveModel.LogLinear)]
    public void Inverse_of_response_is_the_concentration_for_random_curves(CurveModel model)
    {
        var random = new Random(20260301);
        for (var trial = 0; trial < 500; trial++)
        {
            var p = RandomParameters(random, model);
            var x = (model == CurveModel.LogLinear ? 1 : p[2]) * Math.Pow(10, (random.NextDouble() * 3) - 1.5);
            var y = CurveFunctions.Response(model, p, x);

            Assert.True(CurveFunctions.TryConcentration(model, p, y, out var back), $"trial {trial}: no inverse at y = {y}");
            // Far out on a shallow 5PL tail y − D is ~1e-6 of A − D; the subtraction costs ~6 of the 16 digits, so 1e-6 relative.
            Tolerance.Close(x, back, 1e-6, 0, $"trial {trial}");
        }
    }

    [Theory]
    [InlineData(CurveModel.FourParameterLogistic)]
    [InlineData(CurveModel.FiveParameterLogistic)]
    [InlineData(CurveModel.LogLinear)]
    public void Gradients_match_central_finite_differences(CurveModel model)
    {
        var random = new Random(7);
        for (var trial = 0; trial < 100; trial++)
        {
            var p = RandomParameters(random, model);
            var x = (model == CurveModel.LogLinear ? 1 : p[2]) * Math.Pow(10, random.NextDouble() - 0.5);
            var y = CurveFunctions.Response(model, p, x);
            var analytic = new double[p.Length];
            var inverse = new double[p.Length];
            CurveFunctions.Gradient(model, p, x, analytic);
            Assert.True(CurveFunctions.TryLogConcentrationGradient(model, p, y, inverse, out var dLnXdY));
            for (var j = 0; j < p.Length; j++)
            {
                var h = 1e-6 * Math.Max(Math.Abs(p[j]), 1e-3);
                var (up, down) = ((double[])p.Clone(), (double[])p.Clone());
                up[j] += h;
                down[j] -= h;
                var numeric = (CurveFunctions.Response(model, up, x) - CurveFunctions.Response(model, down, x)) / (2 * h);
                Tolerance.Close(numeric, analytic[j], 1e-5, 1e-8, $"∂y/∂θ{j}, trial {trial}");
                CurveFunctions.TryConcentration(model, up, y, out var xUp);
                CurveFunctions.TryConcentration(model, down, y, out var xDown);
                Tolerance.Close((Math.Log(xUp) - Math.Log(xDown)) / (2 * h), inverse[j], 1e-5, 1e-8, $"∂ln x/∂θ{j}, trial {trial}");
            }

            var hy = 1e-6 * Math.Max(Math.Abs(y), 1e-3);
            CurveFunctions.TryConcentration(model, p, y + hy, out var xHi);
            CurveFunctions.TryConcentration(model, p, y - hy, out var xLo);
            Tolerance.Close((Math.Log(xHi) - Math.Log(xLo)) / (2 * hy), dLnXdY, 1e-5, 1e-8, $"∂ln x/∂y, trial {trial}");
        }
    }
}
