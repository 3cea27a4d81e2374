using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Dermis.Instruments.Easi;
using Dermis.Instruments.Json;
using Dermis.Instruments.Scoring;

namespace Dermis.Bench.Instruments;

/// <summary>
/// Scoring whole EASI forms, validation included, on one thread: the target is 1,000,000 forms in
/// under 1 s. Forms are random but valid (seeded), with the half points and areas clinicians use.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EasiScoringBenchmarks
{
    private static readonly decimal[] Signs = [0m, 1m, 1.5m, 2m, 2.5m, 3m];
    private EasiInput[] _forms = [];
    private JsonDocument[] _documents = [];

    [Params(1_000_000)]
    public int Forms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        _forms = new EasiInput[Forms];
        for (var i = 0; i < Forms; i++)
        {
            _forms[i] = new EasiInput(random.Next(2, 80), new RegionScores<EasiRegion>(Region(random), Region(random), Region(random), Region(random)));
        }

        // The JSON path parses, validates and writes a document per form: measured on 1 % of the forms.
        _documents = new JsonDocument[Forms / 100];
        for (var i = 0; i < _documents.Length; i++)
        {
            _documents[i] = JsonDocument.Parse(JsonSerializer.Serialize(new
            {
                ageYears = _forms[i].AgeYears,
                regions = new
                {
                    head = Json(_forms[i].Regions.Head),
                    upperLimbs = Json(_forms[i].Regions.UpperLimbs),
                    trunk = Json(_forms[i].Regions.Trunk),
                    lowerLimbs = Json(_forms[i].Regions.LowerLimbs),
                },
            }));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
    }

    [Benchmark(Description = "EasiScorer.Score, all forms")]
    public decimal ScoreForms()
    {
        var sum = 0m;
        foreach (var form in _forms)
        {
            sum += EasiScorer.Score(form).Total!.Value;
        }

        return sum;
    }

    [Benchmark(Description = "ScoreJson.Score(\"easi\"), 1 % of forms as JSON documents")]
    public int ScoreJsonDocuments()
    {
        var count = 0;
        foreach (var document in _documents)
        {
            count += ScoreJson.Score("easi", document.RootElement).Count;
        }

        return count;
    }

    private static EasiRegion Region(Random random)
    {
        var area = random.Next(0, 7);
        return area == 0
            ? EasiRegion.Clear
            : new EasiRegion(Signs[random.Next(6)], Signs[random.Next(6)], Signs[random.Next(6)], Signs[random.Next(6)], area);
    }

    private static object Json(EasiRegion region) => new
    {
        erythema = region.Erythema,
        induration = region.Induration,
        excoriation = region.Excoriation,
        lichenification = region.Lichenification,
        area = region.Area,
    };
}
