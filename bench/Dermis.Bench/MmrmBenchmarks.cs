using System.Globalization;
using BenchmarkDotNet.Attributes;
using Dermis.Precision.Continuous;

namespace Dermis.Bench;

/// <summary>
/// MMRM fit (unstructured covariance, REML, Kenward–Roger df, LS means and contrasts) of a simulated two-arm trial with
/// one 3-level stratum, 8 visits and about 10 % missing responses (monotone dropout plus intermittent misses), seeded.
/// Target (docs/statistics-continuous.md): under 1 s for 1,000 participants. When DERMIS_MMRM_CSV is set the data are
/// also written there, so bench/mmrm-vs-r.sh can fit the same rows with R nlme::gls.
/// Run: <c>dotnet run -c Release --project bench/Dermis.Bench -- --filter '*Mmrm*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class MmrmBenchmarks
{
    private static readonly string[] Visits = ["V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8"];
    private List<ContinuousObservation> _data = [];

    [Params(1000)]
    public int Participants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = Simulate(Participants, 20240611);
        var path = Environment.GetEnvironmentVariable("DERMIS_MMRM_CSV");
        if (!string.IsNullOrEmpty(path))
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine("subject,arm,visit,baseline,response,region");
            foreach (var r in _data)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Subject},{r.Arm},{r.Visit},{r.Baseline:R},{(r.Response is { } y ? y.ToString("R", CultureInfo.InvariantCulture) : "NA")},{r.Strata[0]}"));
            }
        }
    }

    [Benchmark]
    public double FitUnstructuredKenwardRoger() => Mmrm.Fit(_data, new MmrmOptions { VisitOrder = Visits, ReferenceArm = "Placebo" }).Contrasts[^1].Estimate;

    /// <summary>EASI-like change from baseline: AR-type correlation 0.8^|i−j|·… with rising SDs, 6 % dropout and 4 % intermittent misses.</summary>
    internal static List<ContinuousObservation> Simulate(int participants, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        string[] regions = ["Asia", "Europe", "US"];
        var rows = new List<ContinuousObservation>(participants * Visits.Length);
        var previous = new double[Visits.Length];
        for (var s = 0; s < participants; s++)
        {
            var active = s % 2 == 1;
            var region = regions[random.Next(3)];
            var baseline = Math.Round(28 + (7 * Normal()), 1);
            var dropout = random.NextDouble() < 0.12 ? 2 + random.Next(Visits.Length - 2) : Visits.Length;
            for (var v = 0; v < Visits.Length; v++)
            {
                var sd = 4 + (0.5 * v);
                var noise = v == 0 ? Normal() : (0.8 * previous[v - 1]) + (0.6 * Normal());
                previous[v] = noise;
                var mean = -2 - (v * (active ? 1.6 : 0.8)) - (0.3 * (baseline - 28)) + (region == "Europe" ? 1 : 0);
                double? response = v >= dropout || random.NextDouble() < 0.04 ? null : Math.Round(mean + (sd * noise), 3);
                rows.Add(new ContinuousObservation($"P{s:D4}", active ? "Active" : "Placebo", Visits[v], baseline, response, [region]));
            }
        }

        return rows;
    }
}
