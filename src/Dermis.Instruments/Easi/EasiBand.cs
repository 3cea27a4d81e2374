namespace Dermis.Instruments.Easi;

/// <summary>
/// EASI severity strata of Leshem et al., Br J Dermatol 2015;172:1353–7 (doi:10.1111/bjd.13662):
/// 0 clear, ≤ 1.0 almost clear, ≤ 7.0 mild, ≤ 21.0 moderate, ≤ 50.0 severe, above very severe.
/// Applied as upper bounds because EASI moves in steps of 0.05, between the printed one-decimal ranges.
/// </summary>
public enum EasiBand
{
    /// <summary>EASI 0.</summary>
    Clear,

    /// <summary>0 &lt; EASI ≤ 1.0.</summary>
    AlmostClear,

    /// <summary>1.0 &lt; EASI ≤ 7.0.</summary>
    Mild,

    /// <summary>7.0 &lt; EASI ≤ 21.0.</summary>
    Moderate,

    /// <summary>21.0 &lt; EASI ≤ 50.0.</summary>
    Severe,

    /// <summary>EASI &gt; 50.0.</summary>
    VerySevere,
}
