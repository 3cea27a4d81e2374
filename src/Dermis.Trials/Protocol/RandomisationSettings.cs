using Dermis.Trials.Access;
using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Protocol;

/// <summary>How a study randomises.</summary>
public enum RandomisationMethod
{
    /// <summary>Stratified permuted blocks of variable size.</summary>
    Blocks,

    /// <summary>Pocock–Simon minimisation.</summary>
    Minimisation,
}

/// <summary>
/// The protocol's <c>randomisation:</c> section (docs/protocol.md). Factors are the protocol's
/// stratification factors (all of them unless listed); with blocks they and, optionally, the site
/// form the strata; with minimisation they are balanced with their weights.
/// </summary>
/// <param name="Method">Blocks or minimisation.</param>
/// <param name="BlockSizes">Allowed block sizes (multiples of the ratio sum), for blocks.</param>
/// <param name="StratifyBySite">Site is a stratum (blocks) or counts are kept per site (minimisation).</param>
/// <param name="Factors">Factors used, with their minimisation weights.</param>
/// <param name="Measure">Minimisation imbalance measure.</param>
/// <param name="PreferredProbability">Minimisation probability of the least-imbalance arm.</param>
/// <param name="InitialRandom">Minimisation: participants allocated purely at random first.</param>
/// <param name="Blinded">True when arms are hidden from every role not listed in <paramref name="UnblindedRoles"/>.</param>
/// <param name="UnblindedRoles">Roles that may see arms.</param>
public sealed record RandomisationSettings(
    RandomisationMethod Method,
    IReadOnlyList<int> BlockSizes,
    bool StratifyBySite,
    IReadOnlyList<MinimisationFactor> Factors,
    ImbalanceMeasure Measure,
    decimal PreferredProbability,
    int InitialRandom,
    bool Blinded,
    IReadOnlyList<StudyRole> UnblindedRoles)
{
    /// <summary>The settings of a protocol without a <c>randomisation:</c> section: blocks of 2 and 3 times the ratio sum, by site and every factor, blinded.</summary>
    public static RandomisationSettings Default(IReadOnlyList<ArmDefinition> arms, IReadOnlyList<StratificationFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(factors);
        var sum = arms.Sum(a => a.Ratio);
        return new RandomisationSettings(RandomisationMethod.Blocks, [2 * sum, 3 * sum], true,
            factors.Select(f => new MinimisationFactor(f.Id, 1m)).ToList(), ImbalanceMeasure.Range, 0.8m, 0, true, []);
    }
}
