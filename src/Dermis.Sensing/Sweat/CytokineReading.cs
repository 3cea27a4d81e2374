namespace Dermis.Sensing.Sweat;

/// <summary>One quantified sweat cytokine reading of a participant, as stored (biomarkers.md §2.5).</summary>
/// <param name="TimeUtc">Reading time (UTC); days and hours are UTC calendar periods.</param>
/// <param name="Cytokine">The analyte, canonical name (<see cref="Cytokines"/>).</param>
/// <param name="Location">Skin location of the patch, e.g. "left antecubital fossa".</param>
/// <param name="Lesional">True when the location is lesional skin.</param>
/// <param name="Concentration">Concentration (pg/mL); null when the flag carries none.</param>
/// <param name="Flag">The reading's flag from <see cref="SweatQuantifier"/>.</param>
public sealed record CytokineReading(DateTimeOffset TimeUtc, string Cytokine, string Location, bool Lesional, double? Concentration, ReadingFlag Flag)
{
    /// <summary>True when the reading has a usable concentration: Ok, BelowLoq or LowSweatVolume with a positive finite value.</summary>
    public bool IsQuantifiable =>
        Concentration is { } c && c > 0 && double.IsFinite(c) && Flag is ReadingFlag.Ok or ReadingFlag.BelowLoq or ReadingFlag.LowSweatVolume;
}
