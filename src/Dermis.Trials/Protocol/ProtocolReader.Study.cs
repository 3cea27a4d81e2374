using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

internal sealed partial class ProtocolReader
{
    private static readonly string[] StudyKeys = ["id", "name", "version", "sponsor"];
    private static readonly string[] ArmKeys = ["id", "name", "ratio"];
    private static readonly string[] FactorKeys = ["id", "levels"];
    private static readonly string[] ConsentKeys = ["documentVersion", "documents"];
    private static readonly string[] CriterionKeys = ["id", "kind", "text"];

    private (string? Id, string? Name, string? Version, string? Sponsor) ReadStudy(YamlMap top)
    {
        if (top.Mapping("study", required: true) is not { } node)
        {
            return default;
        }

        var study = new YamlMap(this, node, "study", StudyKeys);
        var id = study.Text("id", required: true);
        if (id is not null && !IsValidId(id))
        {
            Error(study.ValueNode("id")!, $"study: id '{id}' is not valid; an id is a letter followed by letters, digits, '_' or '-' (e.g. DERM-AD-301)");
        }

        return (id, study.Text("name", required: true), study.Text("version", required: true), study.Text("sponsor", required: true));
    }

    private List<ArmDefinition> ReadArms(YamlMap top)
    {
        var arms = new List<ArmDefinition>();
        var list = top.Sequence("arms", required: true);
        if (list is { Children.Count: 0 })
        {
            Error(list, "arms: the list is empty; a study has at least one arm");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var arm in Entries(list, "arms", "arm", ArmKeys))
        {
            var id = Id(arm, "arm", seen);
            var name = arm.Text("name", required: true);
            var ratio = arm.Integer("ratio", required: false) ?? 1;
            if (ratio < 1)
            {
                Error(arm.ValueNode("ratio")!, $"{arm.Context}: ratio must be a whole number of 1 or more (e.g. 2 and 1 for 2:1); got {ratio}");
            }

            arms.Add(new ArmDefinition(id ?? "", name ?? "", ratio));
        }

        return arms;
    }

    private List<StratificationFactor> ReadStratification(YamlMap top)
    {
        var factors = new List<StratificationFactor>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var factor in Entries(top.Sequence("stratification", required: false), "stratification", "stratification factor", FactorKeys))
        {
            var id = Id(factor, "stratification factor", seen);
            var levels = new List<string>();
            if (factor.Sequence("levels", required: true) is { } list)
            {
                if (list.Children.Count < 2)
                {
                    Error(list, $"{factor.Context}: 'levels' lists {list.Children.Count} level(s); a factor has at least 2");
                }

                foreach (var level in list.Children)
                {
                    if (level is not YamlScalarNode { Value: { } text } || IsNull(level) || text.Trim().Length == 0)
                    {
                        Error(level, $"{factor.Context}: a level must be a non-empty single value, e.g. EU");
                    }
                    else if (levels.Contains(text))
                    {
                        Error(level, $"{factor.Context}: level '{text}' is listed twice");
                    }
                    else
                    {
                        levels.Add(text);
                    }
                }
            }

            factors.Add(new StratificationFactor(id ?? "", levels));
        }

        return factors;
    }

    private (string? Version, List<ConsentDocument> Documents) ReadConsent(YamlMap top)
    {
        if (top.Mapping("consent", required: true) is not { } node)
        {
            return (null, []);
        }

        var consent = new YamlMap(this, node, "consent", ConsentKeys);
        var version = consent.Text("documentVersion", required: true);
        return (version, ReadConsentDocuments(consent, version));
    }

    private List<EligibilityCriterion> ReadEligibility(YamlMap top)
    {
        var criteria = new List<EligibilityCriterion>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var criterion in Entries(top.Sequence("eligibility", required: true), "eligibility", "criterion", CriterionKeys))
        {
            var id = Id(criterion, "criterion", seen);
            var kindText = criterion.Text("kind", required: true);
            CriterionKind? kind = kindText switch
            {
                null => null,
                "inclusion" => CriterionKind.Inclusion,
                "exclusion" => CriterionKind.Exclusion,
                _ => null,
            };
            if (kindText is not null && kind is null)
            {
                Error(criterion.ValueNode("kind")!, $"{criterion.Context}: kind '{kindText}' is not allowed; allowed: inclusion, exclusion");
            }

            var text = criterion.Text("text", required: true);
            criteria.Add(new EligibilityCriterion(id ?? "", kind ?? CriterionKind.Inclusion, text ?? ""));
        }

        return criteria;
    }
}
