namespace Dermis.SingleCell.Annotation;

/// <summary>Settings of <see cref="CellTypeClassifier.Train"/>.</summary>
public sealed record ClassifierOptions
{
    /// <summary>Variable genes of the reference (vst) projected on its PCs, before intersecting with the query's genes (2,000).</summary>
    public int VariableGeneCount { get; init; } = 2000;

    /// <summary>Reference principal components the cells are projected on, ≥ 1 (20; capped at cells − 1 and genes).</summary>
    public int Components { get; init; } = 20;

    /// <summary>L2 penalty λ on the weights of the standardised features (mean cross-entropy + λ/2·‖W‖²), &gt; 0 (0.001).</summary>
    public double L2Penalty { get; init; } = 0.001;

    /// <summary>Maximum L-BFGS iterations (500).</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Stop when the gradient's largest component falls below this (1e-5).</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>LogNormalize scale factor applied to the reference counts (1e4, as the pipeline).</summary>
    public double ScaleFactor { get; init; } = 1e4;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(VariableGeneCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Components, 1);
        if (!(L2Penalty > 0) || double.IsInfinity(L2Penalty))
        {
            throw new ArgumentOutOfRangeException(nameof(L2Penalty), L2Penalty, "L2Penalty must be a finite number > 0 (default 0.001).");
        }
    }
}
