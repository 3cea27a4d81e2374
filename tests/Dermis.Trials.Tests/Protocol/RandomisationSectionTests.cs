using Dermis.Trials.Access;
using Dermis.Trials.Protocol;
using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Protocol;

public sealed class RandomisationSectionTests
{
    // Lines 1–9; a test's randomisation section starts at line 10.
    private const string Head = """
        study: { id: S1, name: Study, version: "1", sponsor: Sponsor }
        arms: [ { id: active, name: Active, ratio: 2 }, { id: placebo, name: Placebo, ratio: 1 } ]
        stratification: [ { id: region, levels: [EU, NA] }, { id: iga, levels: ["3", "4"] } ]
        consent: { documentVersion: "1" }
        eligibility: []
        visits:
          - { id: baseline, name: Baseline, day: 1, anchor: true, forms: [easi] }
        forms:
          - { id: easi, name: EASI, instrument: easi }
        """;

    private static ProtocolDefinition Parse(string section) => ProtocolParser.Parse(Head + "\n" + section, "r.yaml");

    [Fact]
    public void Without_a_section_the_defaults_are_blocks_of_two_and_three_ratio_sums_by_site_and_every_factor_blinded()
    {
        var settings = Parse("").Randomisation;

        // Ratio 2:1 sums to 3: blocks of 6 and 9.
        Assert.Equal(RandomisationMethod.Blocks, settings.Method);
        Assert.Equal([6, 9], settings.BlockSizes);
        Assert.True(settings.StratifyBySite);
        Assert.Equal([new MinimisationFactor("region", 1m), new MinimisationFactor("iga", 1m)], settings.Factors);
        Assert.True(settings.Blinded);
        Assert.Empty(settings.UnblindedRoles);
    }

    [Fact]
    public void A_minimisation_section_is_read_with_weights_measure_p_and_unblinded_roles()
    {
        var settings = Parse("""
            randomisation:
              method: minimisation
              stratifyBySite: false
              factors: [iga, site]
              minimisation: { measure: variance, p: 0.85, initialRandom: 10, weights: { iga: 2 } }
              unblindedRoles: [sponsorAdmin, dataManager]
            """).Randomisation;

        Assert.Equal(RandomisationMethod.Minimisation, settings.Method);
        Assert.False(settings.StratifyBySite);
        Assert.Equal([new MinimisationFactor("iga", 2m), new MinimisationFactor("site", 1m)], settings.Factors);
        Assert.Equal(ImbalanceMeasure.Variance, settings.Measure);
        Assert.Equal(0.85m, settings.PreferredProbability);
        Assert.Equal(10, settings.InitialRandom);
        Assert.Equal([StudyRole.SponsorAdmin, StudyRole.DataManager], settings.UnblindedRoles);
    }

    [Theory]
    [InlineData("randomisation: { blockSizes: [6, 4] }", 10, 34, "block size '4' is not allowed; block sizes are multiples of the ratio sum 3 (e.g. 6, 9)")]
    [InlineData("randomisation: { factors: [region, sex] }", 10, 36, "factor 'sex' is not a stratification factor; allowed: region, iga, site")]
    [InlineData("randomisation: { unblindedRoles: [participant] }", 10, 35, "'participant' is not a staff role")]
    [InlineData("randomisation: { method: urn }", 10, 26, "method 'urn' is not known; allowed: blocks, minimisation")]
    [InlineData("randomisation: { method: minimisation, factors: [site, iga] }", 10, 16, "site must not also be a minimisation factor (it would be counted twice)")]
    [InlineData("randomisation: { minimisation: { p: 1.2 } }", 10, 37, "p must be above 0 and at most 1; got 1.2")]
    [InlineData("randomisation: { method: minimisation, stratifyBySite: false, factors: [site] }", 10, 16, "minimisation needs at least one participant factor")]
    public void An_invalid_section_is_refused_at_its_line_and_column(string section, int line, int column, string message)
    {
        var error = Assert.Throws<ProtocolException>(() => Parse(section));

        Assert.Contains(error.Errors, e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
