using BenchmarkDotNet.Attributes;
using Dermis.Sensing.Sweat;

namespace Dermis.Bench.Sensing;

/// <summary>
/// The sweat quantification kernel <see cref="SweatQuantifier.QuantifyAll(ReadOnlySpan{double}, Span{double}, Span{ReadingFlag})"/>
/// on one thread: responses spread over the whole curve (below A, inside the range, above the top standard and beyond D,
/// plus 1 % failed channels) through the 4PL, 5PL and log-linear fits of the Miller 2022 test data (biomarkers.md §2.6 (b)).
/// The target (docs/sweat.md) is 10 million readings in under 2 s. Run:
/// <c>dotnet run -c Release --project bench/Dermis.Bench -- --filter '*SweatQuantify*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SweatQuantifyBenchmarks
{
    private SweatQuantifier _fourPl = null!;
    private SweatQuantifier _fivePl = null!;
    private SweatQuantifier _logLinear = null!;
    private double[] _responses = [];
    private double[] _concentrations = [];
    private ReadingFlag[] _flags = [];

    [Params(1_000_000, 10_000_000)]
    public int ReadingCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Miller et al., Biosens Bioelectron 2022;114133, test_file_2 (bensmiller/detection-limit-fitting): blanks and 11 triplicate levels, aM.
        double[] x = [0, 0, 0, 0, 0, 0, 1.04e8, 2.6e7, 6.5e6, 1.625e6, 406_250, 101_562.5, 25_390.625, 6_347.656, 1_586.914, 396.729, 99.182];
        double[][] y =
        [
            [-0.0112], [0.0028], [0.0311], [0.0505], [-0.0585], [-0.0148],
            [1.3757, 1.4186, 1.3981], [1.4189, 1.3955, 1.3785], [1.4228, 1.4342, 1.4197], [1.4830, 1.4758, 1.4860],
            [1.4435, 1.4205, 1.2144], [1.0997, 1.1994, 0.9361], [0.5574, 0.1054, 0.4683], [0.0800, 0.0008, 0.1030],
            [0.0541, 0.0056, 0.0055], [0.0179, 0.2000, -0.0307], [-0.0384, 0.0962, 0.0771],
        ];
        var standards = new List<CalibrationStandard>();
        for (var i = 0; i < x.Length; i++)
        {
            foreach (var r in y[i])
            {
                standards.Add(new CalibrationStandard(x[i], r));
            }
        }

        _fourPl = new SweatQuantifier(CalibrationFitter.Fit(standards, CurveModel.FourParameterLogistic));
        _fivePl = new SweatQuantifier(CalibrationFitter.Fit(standards, CurveModel.FiveParameterLogistic));
        _logLinear = new SweatQuantifier(CalibrationFitter.Fit(standards, CurveModel.LogLinear));
        var random = new Random(42);
        _responses = new double[ReadingCount];
        for (var i = 0; i < _responses.Length; i++)
        {
            _responses[i] = i % 100 == 0 ? double.NaN : (random.NextDouble() * 1.6) - 0.1;
        }

        _concentrations = new double[ReadingCount];
        _flags = new ReadingFlag[ReadingCount];
    }

    [Benchmark(Baseline = true)]
    public ReadingFlag FourParameterLogistic()
    {
        _fourPl.QuantifyAll(_responses, _concentrations, _flags);
        return _flags[^1];
    }

    [Benchmark]
    public ReadingFlag FiveParameterLogistic()
    {
        _fivePl.QuantifyAll(_responses, _concentrations, _flags);
        return _flags[^1];
    }

    [Benchmark]
    public ReadingFlag LogLinear()
    {
        _logLinear.QuantifyAll(_responses, _concentrations, _flags);
        return _flags[^1];
    }
}
