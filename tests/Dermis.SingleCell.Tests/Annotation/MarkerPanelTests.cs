using Dermis.SingleCell.Annotation;
using Dermis.SingleCell.Preprocessing;
using Dermis.SingleCell.Tests.Composition;

namespace Dermis.SingleCell.Tests.Annotation;

[Collection(Pbmc3kGroup.Name)]
public sealed class MarkerPanelTests(Pbmc3kFixture pbmc)
{
    [Fact]
    public void Immune_publishedPbmc3kClusters_getTheirTutorialTypes()
    {
        var m = Normalization.LogNormalize(pbmc.QcCopy());
        var published = PublishedLabels.Pbmc3kOf(m);

        var annotation = MarkerPanel.Immune.Annotate(m, published);
        var typeOf = published.Zip(annotation.CellTypes).Distinct().ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        Assert.Equal(9, typeOf.Count);
        Assert.Equal("CD4 T", typeOf["Naive CD4 T"]);
        Assert.Equal("CD4 T", typeOf["Memory CD4 T"]);
        Assert.Equal("CD14+ Mono", typeOf["CD14+ Mono"]);
        Assert.Equal("B", typeOf["B"]);
        Assert.Equal("CD8 T", typeOf["CD8 T"]);
        Assert.Equal("FCGR3A+ Mono", typeOf["FCGR3A+ Mono"]);
        Assert.Equal("NK", typeOf["NK"]);
        Assert.Equal("DC", typeOf["DC"]);
        Assert.Equal("Platelet", typeOf["Platelet"]);
        Assert.Equal("marker panel", annotation.Method);
    }

    [Fact]
    public void Annotate_handMadeClusters_bestMeanZ_unassignedWithoutEnrichment_confidenceIsAgreement()
    {
        // Genes g0 (type X) and g1 (type Y). Cluster "a" (cells 0–2) expresses g0, cluster "b" (cells 3–5) g1 except cell 5,
        // which expresses g0 only; cluster "c" (cells 6–7) expresses nothing, so neither type is enriched there.
        var m = CompositionTests.Matrix(
            [[5, 0], [4, 0], [6, 0], [0, 5], [0, 6], [3, 0], [0, 0], [0, 0]],
            ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"]);
        Normalization.LogNormalize(m);
        var panel = new MarkerPanel([new MarkerSet("X", ["g0"]), new MarkerSet("Y", ["g1", "missing"])]);

        var annotation = panel.Annotate(m, ["a", "a", "a", "b", "b", "b", "c", "c"]);

        Assert.Equal(["X", "X", "X", "Y", "Y", "Y", CellTypeClassifier.Unassigned, CellTypeClassifier.Unassigned], annotation.CellTypes);
        Assert.Equal([1.0, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3, 0, 0], annotation.Confidence);
    }

    [Fact]
    public void Annotate_noPanelGeneInTheMatrix_namesThePanelGenes()
    {
        var m = Normalization.LogNormalize(CompositionTests.Matrix([[1, 0], [0, 1]], ["a", "b"]));

        var e = Assert.Throws<ArgumentException>(() => new MarkerPanel([new MarkerSet("X", ["CD3E"])]).Annotate(m, ["0", "1"]));

        Assert.StartsWith("none of the marker panel's genes (CD3E) is in the matrix", e.Message, StringComparison.Ordinal);
    }
}
