namespace Dermis.Sensing.Sweat;

/// <summary>
/// Canonical names of the sweat cytokines the platform calibrates, and their unit (biomarkers.md §2.5: pg/mL as a UCUM
/// string). Other analytes are allowed by name; <see cref="Normalise"/> maps common spellings onto these.
/// </summary>
public static class Cytokines
{
    /// <summary>Interleukin-1 beta.</summary>
    public const string Il1Beta = "IL-1β";

    /// <summary>Interleukin-6.</summary>
    public const string Il6 = "IL-6";

    /// <summary>Interleukin-8 (CXCL8).</summary>
    public const string Il8 = "IL-8";

    /// <summary>Tumour necrosis factor alpha.</summary>
    public const string TnfAlpha = "TNF-α";

    /// <summary>Interleukin-31, the pruritic atopic-dermatitis cytokine.</summary>
    public const string Il31 = "IL-31";

    /// <summary>The UCUM unit of the sweat cytokine concentrations.</summary>
    public const string PicogramsPerMillilitre = "pg/mL";

    /// <summary>The five cytokines of the sweat panel, in display order.</summary>
    public static IReadOnlyList<string> Panel { get; } = [Il1Beta, Il6, Il8, TnfAlpha, Il31];

    /// <summary>
    /// The canonical name of a cytokine: "IL1B", "il-1beta", "IL-1b" → "IL-1β"; "TNFa", "TNF-alpha" → "TNF-α";
    /// "il6" → "IL-6"; any other name is returned trimmed, unchanged.
    /// </summary>
    /// <param name="name">A cytokine name as written in a file or form.</param>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    public static string Normalise(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        Span<char> key = stackalloc char[trimmed.Length];
        var length = 0;
        foreach (var c in trimmed)
        {
            if (c is not ('-' or ' ' or '_'))
            {
                key[length++] = char.ToUpperInvariant(c);
            }
        }

        return key[..length] switch
        {
            "IL1B" or "IL1Β" or "IL1BETA" => Il1Beta,
            "IL6" => Il6,
            "IL8" or "CXCL8" => Il8,
            "TNFA" or "TNFΑ" or "TNFALPHA" => TnfAlpha,
            "IL31" => Il31,
            _ => trimmed,
        };
    }
}
