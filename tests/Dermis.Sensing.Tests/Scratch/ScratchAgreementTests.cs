using Dermis.Sensing.Scratch;

namespace Dermis.Sensing.Tests.Scratch;

public sealed class ScratchAgreementTests
{
    [Theory]
    [InlineData(0, 10, 7, 20, false)] // overlap 3, union 20: IoU 0.15, covers 3/13 of the reference
    [InlineData(0, 8, 3.5, 13.5, true)] // overlap 4.5, union 13.5: IoU 0.33 although it covers only 45 % of the reference
    [InlineData(0, 10, 7, 17, false)] // overlap 3, union 17: IoU 0.18, covers 30 % of the reference
    [InlineData(0, 10, 4, 14, true)] // overlap 6, union 14: IoU 0.43
    [InlineData(0, 100, 40, 50, true)] // IoU 0.1, covers 100 % of the short reference
    [InlineData(40, 50, 0, 100, false)] // IoU 0.1, covers 10 % of the long reference
    [InlineData(0, 10, 10, 20, false)] // touching, no overlap
    public void Matches_IoU_or_reference_coverage(double ds, double de, double rs, double re, bool expected)
    {
        Assert.Equal(expected, ScratchAgreement.Matches(new ScratchEvent(ds, de), new ScratchEvent(rs, re)));
    }

    [Fact]
    public void Compare_is_one_to_one()
    {
        // Two detections cover one reference event: one true positive and one false positive.
        ScratchEvent[] detected = [new(0, 6), new(5, 10), new(50, 60)];
        ScratchEvent[] reference = [new(0, 10), new(100, 110)];

        var agreement = ScratchAgreement.Compare(detected, reference);

        Assert.Equal(new EventAgreement(1, 3, 2), agreement);
        Assert.Equal(1.0 / 3, agreement.Precision, 1e-12);
        Assert.Equal(0.5, agreement.Recall, 1e-12);
        Assert.Equal(0.4, agreement.F1, 1e-12);
        Assert.True(double.IsNaN(ScratchAgreement.Compare([], []).F1));
    }

    [Fact]
    public void Pearson_hand_computed()
    {
        // x = [1, 2, 3], y = [1, 2, 4]: Sxy = 3, Sxx = 2, Syy = 42/9; r = 3 / √(2·42/9) = 0.9819805.
        Assert.Equal(0.9819805, ScratchAgreement.Pearson([1.0, 2, 3], [1.0, 2, 4]), 1e-7);
        Assert.True(double.IsNaN(ScratchAgreement.Pearson([1.0, 1, 1], [1.0, 2, 4])));
    }
}
