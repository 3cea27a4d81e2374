using BenchmarkDotNet.Attributes;
using Dermis.Sensing.Vitals;

namespace Dermis.Bench.Sensing;

/// <summary>
/// Nightly vital signs from one simulated radio night (moderate noise, 16 motion bursts), on one thread: the whole
/// <see cref="RadioNightAnalysis.Analyse"/> (decimation, motion, 959 window spectra, heart averaging, summary) at the
/// rates radio boxes send. The target (docs/sensing-vitals.md) is well under 1 s for an 8-h night at 20 Hz
/// (576,000 samples). Run: <c>dotnet run -c Release --project bench/Dermis.Bench -- --filter '*RadioNight*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RadioNightBenchmarks
{
    private float[] _displacementMm = [];

    [Params(8.0)]
    public double Hours { get; set; }

    [Params(20.0, 50.0)]
    public double SampleRateHz { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _displacementMm = RadioNightSimulator.Simulate(new RadioNightSimulationOptions { DurationHours = Hours, SampleRateHz = SampleRateHz }, 101).DisplacementMm;

    [Benchmark]
    public double? AnalyseNight() => RadioNightAnalysis.Analyse(_displacementMm, SampleRateHz).Vitals.RespirationRatePerMinute;
}
