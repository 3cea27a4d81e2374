using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class CytokinesTests
{
    [Theory]
    [InlineData("IL1B", "IL-1β")]
    [InlineData("il-1beta", "IL-1β")]
    [InlineData("TNF-alpha", "TNF-α")]
    [InlineData("tnfa", "TNF-α")]
    [InlineData(" il_31 ", "IL-31")]
    [InlineData("CXCL8", "IL-8")]
    [InlineData("IL-17A", "IL-17A")]
    public void Normalise_maps_common_spellings_and_keeps_others(string name, string expected) =>
        Assert.Equal(expected, Cytokines.Normalise(name));
}
