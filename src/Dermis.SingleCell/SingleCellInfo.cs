namespace Dermis.SingleCell;

/// <summary>The version of Dermis's single-cell pipeline, written into every run's summary so results are traceable.</summary>
public static class SingleCellInfo
{
    /// <summary>Pipeline version; raise it when any step's output changes.</summary>
    public const string PipelineVersion = "dermis-singlecell 1";
}
