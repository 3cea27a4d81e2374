namespace Dermis.Sensing;

/// <summary>The version of Dermis's sensing algorithms, stored with every nightly measure so a later change is traceable and re-computable.</summary>
public static class SensingInfo
{
    /// <summary>Algorithm set version; raise it when any algorithm's output changes.</summary>
    public const string AlgorithmVersion = "dermis-sensing 1";
}
