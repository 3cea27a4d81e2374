namespace Dermis.SingleCell.Pipeline;

/// <summary>Wall time and memory of one pipeline step.</summary>
/// <param name="Name">Step name: read steps are the caller's; the pipeline's are prefilter, qc, normalize, variable_genes, scale, pca, neighbors, clustering, umap, markers, annotation.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="WorkingSetMegabytes">Process working set after the step (<c>Environment.WorkingSet</c>), MB (10⁶ bytes).</param>
/// <param name="PeakWorkingSetMegabytes">Process peak working set so far (<c>Process.PeakWorkingSet64</c>, Linux VmHWM), MB.</param>
/// <param name="ManagedHeapMegabytes">Managed heap size after the step's last GC (<c>GCMemoryInfo.HeapSizeBytes</c>), MB.</param>
/// <param name="AllocatedMegabytes">Managed bytes allocated during the step (<c>GC.GetTotalAllocatedBytes</c> difference), MB.</param>
public sealed record PipelineStep(string Name, double Seconds, double WorkingSetMegabytes, double PeakWorkingSetMegabytes, double ManagedHeapMegabytes, double AllocatedMegabytes);
