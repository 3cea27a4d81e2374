using System.Diagnostics;

namespace Dermis.SingleCell.Pipeline;

/// <summary>Times the steps of a run and samples the process's memory after each.</summary>
internal sealed class StepMeter(TimeProvider time, IProgress<PipelineProgress>? progress, int stepCount)
{
    private const double Megabyte = 1e6;
    private readonly List<PipelineStep> _steps = [];
    private int _index;

    public IReadOnlyList<PipelineStep> Steps => _steps;

    /// <summary>Runs a step on <paramref name="state"/> without capturing it, so the caller's closure does not keep it alive.</summary>
    public T Run<TState, T>(string name, string detail, TState state, Func<TState, T> step) => Run(name, detail, () => step(state));

    /// <summary>
    /// After a step that allocated more than <see cref="CollectAfterBytes"/>, runs a blocking, compacting, aggressive
    /// collection so the step's dropped copies (a 100,000-cell matrix is ~0.8 GB per copy) are returned to the OS before
    /// the next step allocates; the lazy default GC otherwise keeps them and doubles the peak RSS. Small runs never
    /// reach the threshold, so they pay nothing.
    /// </summary>
    public static void ReleaseGarbage(long allocatedBytes)
    {
        if (allocatedBytes > CollectAfterBytes)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Allocation above which a step is followed by a full collection (256 MB).</summary>
    public const long CollectAfterBytes = 256L << 20;

    public T Run<T>(string name, string detail, Func<T> step)
    {
        _index++;
        progress?.Report(new PipelineProgress(name, _index, stepCount, detail));
        var allocated = GC.GetTotalAllocatedBytes();
        var start = time.GetTimestamp();
        var result = step();
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        ReleaseGarbage(GC.GetTotalAllocatedBytes() - allocated);
        using var process = Process.GetCurrentProcess();
        _steps.Add(new PipelineStep(
            name,
            seconds,
            Environment.WorkingSet / Megabyte,
            process.PeakWorkingSet64 / Megabyte,
            GC.GetGCMemoryInfo().HeapSizeBytes / Megabyte,
            (GC.GetTotalAllocatedBytes() - allocated) / Megabyte));
        return result;
    }
}
