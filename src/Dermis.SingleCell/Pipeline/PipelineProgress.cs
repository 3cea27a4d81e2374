namespace Dermis.SingleCell.Pipeline;

/// <summary>A progress report of <see cref="SingleCellPipeline.Run"/>: a step is starting.</summary>
/// <param name="Step">Step name, e.g. <c>"pca"</c> (see <see cref="PipelineStep.Name"/>).</param>
/// <param name="Index">1-based step number.</param>
/// <param name="Count">Number of steps in the run.</param>
/// <param name="Detail">What the step works on, e.g. "2,638 cells × 2,000 genes".</param>
public sealed record PipelineProgress(string Step, int Index, int Count, string Detail);
