namespace Dermis.SingleCell.Preprocessing;

/// <summary>Genes selected by <see cref="VariableGenes.Vst"/>, most variable first.</summary>
/// <param name="GeneIndices">Index of each selected gene in the matrix, in rank order.</param>
/// <param name="GeneNames">Unique name of each selected gene, same order.</param>
public sealed record VariableGeneSelection(int[] GeneIndices, string[] GeneNames);
