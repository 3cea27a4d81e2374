using Dermis.Precision.Prediction;

namespace Dermis.Precision.Tests.Prediction;

/// <summary>
/// Seeded known-truth trial: week-52 maintenance depends on week-16 response and baseline EASI only,
/// logit P = −0.5 + 1.8·week16 − 0.06·(easi − 24); five noise features, one of them (a sensor
/// feature) measured in only 60 % of participants.
/// </summary>
internal static class SimulatedTrial
{
    public const double TrueIntercept = -0.5;
    public const double TrueWeek16 = 1.8;
    public const double TrueEasi = -0.06;

    public static readonly string[] Features = ["week16", "easi", "noise1", "noise2", "noise3", "noise4", "sensor"];

    public static (List<FeatureRow> Rows, double[] TrueProbability) Generate(int n, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<FeatureRow>();
        var truth = new double[n];
        for (var i = 0; i < n; i++)
        {
            var week16 = rng.NextDouble() < 0.5 ? 1.0 : 0.0;
            var easi = 24 + 8 * Normal(rng);
            var eta = TrueIntercept + TrueWeek16 * week16 + TrueEasi * (easi - 24);
            truth[i] = 1 / (1 + Math.Exp(-eta));
            var features = new Dictionary<string, double?>
            {
                ["week16"] = week16,
                ["easi"] = easi,
                ["noise1"] = Normal(rng),
                ["noise2"] = Normal(rng),
                ["noise3"] = 5 + 2 * Normal(rng),
                ["noise4"] = rng.NextDouble() < 0.3 ? 1 : 0,
                ["sensor"] = rng.NextDouble() < 0.6 ? 40 + 10 * Normal(rng) : null,
            };
            rows.Add(new FeatureRow($"S{i:D4}", features, rng.NextDouble() < truth[i]));
        }

        return (rows, truth);
    }

    /// <summary>Standard normal by Box–Muller (one draw per call; the sine partner is discarded).</summary>
    public static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
