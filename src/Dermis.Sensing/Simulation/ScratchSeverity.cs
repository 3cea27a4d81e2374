namespace Dermis.Sensing.Simulation;

/// <summary>Disease group whose nocturnal scratch a simulated night reproduces (Ebata et al., Br J Dermatol 1999;141:82–86; Avey et al., JMIR 2025;27:e72216).</summary>
public enum ScratchSeverity
{
    /// <summary>No atopic dermatitis: about 13 s of scratch per hour (Avey 2025: 13.1 s/h).</summary>
    Healthy,

    /// <summary>Mild AD: TST% 0.7 ± 0.4 % (Ebata 1999).</summary>
    Mild,

    /// <summary>Moderate AD: TST% 6.2 ± 3.7 % (Ebata 1999).</summary>
    Moderate,

    /// <summary>Severe AD: TST% 14.3 ± 13.9 % (Ebata 1999).</summary>
    Severe,
}
