using BenchmarkDotNet.Attributes;
using Dermis.Sensing.Motion;
using Dermis.Sensing.Nights;
using Dermis.Sensing.Scratch;
using Dermis.Sensing.Simulation;

namespace Dermis.Bench.Sensing;

/// <summary>
/// One simulated severe night at 20 Hz (8 h = 576,000 samples per axis), on one thread: the scratch detector with each
/// gate and the whole night analysis (sleep window, activity index, Cole–Kripke, scratch). The target (docs/sensing.md)
/// is well under 1 s for an 8-h night. Run: <c>dotnet run -c Release --project bench/Dermis.Bench -- --filter '*NightAnalysis*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class NightAnalysisBenchmarks
{
    private readonly ScratchDetector _ji = new();
    private readonly ScratchDetector _rcov = new(new ScratchDetectorOptions { Gate = new MotionDetectRCoV() });
    private AccelerometerNight _night = null!;

    [Params(2.0, 8.0)]
    public double Hours { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _night = NightSimulator.Simulate(new NightSimulationOptions { DurationHours = Hours, Severity = ScratchSeverity.Severe }, 3).Night;

    [Benchmark(Baseline = true)]
    public int ScratchDetectorJiGate() => _ji.Detect(_night).Events.Count;

    [Benchmark]
    public int ScratchDetectorRCoVGate() => _rcov.Detect(_night).Events.Count;

    [Benchmark]
    public int WholeNightAnalysis() => NightAnalysis.Analyse(_night.X, _night.Y, _night.Z, _night.SampleRateHz).Measures.ScratchEvents;
}
