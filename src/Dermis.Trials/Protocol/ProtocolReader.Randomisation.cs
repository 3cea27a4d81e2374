using Dermis.Trials.Access;
using Dermis.Trials.Randomisation;
using Dermis.Trials.Workflow;
using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

internal sealed partial class ProtocolReader
{
    private static readonly string[] RandomisationKeys = ["method", "blockSizes", "stratifyBySite", "factors", "minimisation", "blinded", "unblindedRoles"];
    private static readonly string[] MinimisationKeys = ["measure", "p", "initialRandom", "weights"];

    private RandomisationSettings ReadRandomisation(YamlMap top, List<ArmDefinition> arms, List<StratificationFactor> stratification)
    {
        var settings = RandomisationSettings.Default(arms, stratification);
        if (top.Mapping("randomisation", required: false) is not { } node)
        {
            return settings;
        }

        var section = new YamlMap(this, node, "randomisation", RandomisationKeys);
        var method = settings.Method;
        if (section.Text("method", required: false) is { } methodText)
        {
            if (Names.Parse<RandomisationMethod>(methodText) is { } parsed)
            {
                method = parsed;
            }
            else
            {
                Error(section.ValueNode("method")!, $"randomisation: method '{methodText}' is not known; allowed: blocks, minimisation");
            }
        }

        var ratioSum = arms.Sum(a => a.Ratio);
        var blockSizes = settings.BlockSizes;
        if (section.Sequence("blockSizes", required: false) is { } sizes)
        {
            var listed = new List<int>();
            blockSizes = listed;
            foreach (var item in sizes.Children)
            {
                if (item is YamlScalarNode { Value: { } text } && int.TryParse(text, out var size) && size >= ratioSum && ratioSum > 0 && size % ratioSum == 0)
                {
                    listed.Add(size);
                }
                else
                {
                    Error(item, $"randomisation: block size '{(item as YamlScalarNode)?.Value}' is not allowed; block sizes are multiples of the ratio sum {ratioSum} (e.g. {2 * ratioSum}, {3 * ratioSum})");
                }
            }
        }

        var stratifyBySite = section.Has("stratifyBySite") ? section.Flag("stratifyBySite") : settings.StratifyBySite;
        var factorIds = stratification.Select(f => f.Id).ToList();
        if (section.Sequence("factors", required: false) is { } factorList)
        {
            factorIds = [];
            foreach (var item in factorList.Children)
            {
                var id = (item as YamlScalarNode)?.Value;
                if (id is not null && (stratification.Any(f => f.Id == id) || id == Minimisation.SiteFactor))
                {
                    factorIds.Add(id);
                }
                else
                {
                    Error(item, $"randomisation: factor '{id}' is not a stratification factor; allowed: {string.Join(", ", stratification.Select(f => f.Id).Append(Minimisation.SiteFactor))}");
                }
            }
        }

        var measure = settings.Measure;
        var p = settings.PreferredProbability;
        var initialRandom = settings.InitialRandom;
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (section.Mapping("minimisation", required: false) is { } minimisationNode)
        {
            var minimisation = new YamlMap(this, minimisationNode, "randomisation.minimisation", MinimisationKeys);
            if (minimisation.Text("measure", required: false) is { } measureText)
            {
                if (Names.Parse<ImbalanceMeasure>(measureText) is { } parsed)
                {
                    measure = parsed;
                }
                else
                {
                    Error(minimisation.ValueNode("measure")!, $"randomisation.minimisation: measure '{measureText}' is not known; allowed: range, variance, standardDeviation");
                }
            }

            if (minimisation.Number("p") is { } probability)
            {
                p = probability;
                if (probability is <= 0m or > 1m)
                {
                    Error(minimisation.ValueNode("p")!, $"randomisation.minimisation: p must be above 0 and at most 1; got {probability}");
                }
            }

            if (minimisation.Integer("initialRandom", required: false) is { } initial)
            {
                initialRandom = initial;
                if (initial < 0)
                {
                    Error(minimisation.ValueNode("initialRandom")!, $"randomisation.minimisation: initialRandom must be 0 or more; got {initial}");
                }
            }

            if (minimisation.Mapping("weights", required: false) is { } weightNode)
            {
                foreach (var (key, value) in weightNode.Children)
                {
                    var factor = ((YamlScalarNode)key).Value ?? "";
                    if (!factorIds.Contains(factor))
                    {
                        Error(key, $"randomisation.minimisation.weights: '{factor}' is not a randomisation factor; allowed: {string.Join(", ", factorIds)}");
                    }
                    else if (value is YamlScalarNode { Value: { } w } && decimal.TryParse(w, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var weight) && weight > 0)
                    {
                        weights[factor] = weight;
                    }
                    else
                    {
                        Error(value, $"randomisation.minimisation.weights: the weight of '{factor}' must be a number above 0");
                    }
                }
            }
        }

        if (method == RandomisationMethod.Minimisation && stratifyBySite && factorIds.Contains(Minimisation.SiteFactor))
        {
            Error(node, "randomisation: with stratifyBySite, site must not also be a minimisation factor (it would be counted twice)");
        }
        else if (method == RandomisationMethod.Minimisation && factorIds.All(id => id == Minimisation.SiteFactor))
        {
            // The same rule MinimisationScheme.Validate applies at allocation: refuse it here, with a line, not later.
            Error(node, "randomisation: minimisation needs at least one participant factor (a stratification factor other than site)");
        }

        var unblinded = new List<StudyRole>();
        if (section.Sequence("unblindedRoles", required: false) is { } roles)
        {
            foreach (var item in roles.Children)
            {
                if (Names.Parse<StudyRole>((item as YamlScalarNode)?.Value) is { } role and not StudyRole.Participant)
                {
                    unblinded.Add(role);
                }
                else
                {
                    Error(item, $"randomisation: '{(item as YamlScalarNode)?.Value}' is not a staff role; allowed: sponsorAdmin, dataManager, monitor, investigator, coordinator");
                }
            }
        }

        return new RandomisationSettings(
            method,
            blockSizes,
            stratifyBySite,
            factorIds.Select(id => new MinimisationFactor(id, weights.GetValueOrDefault(id, 1m))).ToList(),
            measure,
            p,
            initialRandom,
            section.Has("blinded") ? section.Flag("blinded") : settings.Blinded,
            unblinded);
    }
}
