namespace Dermis.SingleCell.Tests;

public sealed class UniqueNamesTests
{
    [Fact]
    public void MakeUnique_repeats_getDotCountersLikeR()
    {
        // R: make.unique(c("a", "b", "a", "a")) -> "a" "b" "a.1" "a.2"
        Assert.Equal(["a", "b", "a.1", "a.2"], UniqueNames.MakeUnique(["a", "b", "a", "a"]));
    }

    [Fact]
    public void MakeUnique_counterCollidesWithExistingName_skipsIt()
    {
        // R: make.unique(c("a", "a", "a.1")) -> "a" "a.2" "a.1"
        Assert.Equal(["a", "a.2", "a.1"], UniqueNames.MakeUnique(["a", "a", "a.1"]));
    }
}
