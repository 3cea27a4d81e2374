using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

/// <summary>
/// Reads one protocol file: YAML representation model in, <see cref="ProtocolDefinition"/> out,
/// every problem collected with its position and thrown together as a <see cref="ProtocolException"/>.
/// </summary>
internal sealed partial class ProtocolReader(string yaml, string sourceName)
{
    private static readonly string[] RootKeys = ["study", "arms", "stratification", "consent", "eligibility", "visits", "forms", "codeLists", "editChecks", "randomisation", "diaries", "sensing"];

    private readonly List<ProtocolError> _errors = [];

    public ProtocolDefinition Read()
    {
        var root = LoadRoot();
        if (root is null)
        {
            throw Failure();
        }

        var top = new YamlMap(this, root, "protocol", RootKeys);
        var (studyId, name, version, sponsor) = ReadStudy(top);
        var arms = ReadArms(top);
        var stratification = ReadStratification(top);
        var (consent, consentDocuments) = ReadConsent(top);
        var eligibility = ReadEligibility(top);
        var codeLists = ReadCodeLists(top);
        var forms = ReadForms(top, codeLists);
        var visits = ReadVisits(top, forms);
        var protocol = new ProtocolDefinition(
            studyId ?? "", name ?? "", version ?? "", sponsor ?? "", arms, stratification, consent ?? "", eligibility, visits, forms, codeLists, []);
        protocol = protocol with
        {
            EditChecks = ReadEditChecks(top, protocol),
            Randomisation = ReadRandomisation(top, arms, stratification),
            Diaries = ReadDiaries(top, visits),
            ConsentDocuments = consentDocuments,
            SensingAlerts = ReadSensing(top),
        };
        if (_errors.Count > 0)
        {
            throw Failure();
        }

        return protocol;
    }

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    public void Error(Mark mark, string message) => _errors.Add(new ProtocolError((int)mark.Line, (int)mark.Column, message));

    public void Error(int line, int column, string message) => _errors.Add(new ProtocolError(line, column, message));

    /// <summary>YAML null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>What a node is, for messages.</summary>
    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "an empty value",
        _ => "a single value",
    };

    /// <summary>
    /// The elements of a list that are mappings, each with its keys checked; other elements are
    /// errors. Messages name an element <c>kind 'id'</c> when it has an id, else <c>section[index]</c>.
    /// </summary>
    public List<YamlMap> Entries(YamlSequenceNode? list, string section, string kind, string[] allowed)
    {
        var entries = new List<YamlMap>();
        if (list is null)
        {
            return entries;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var context = $"{section}[{i}]";
            if (list.Children[i] is YamlMappingNode mapping)
            {
                if (ValueOf(mapping, "id") is YamlScalarNode { Value: { Length: > 0 } id })
                {
                    context = $"{kind} '{id}'";
                }

                entries.Add(new YamlMap(this, mapping, context, allowed));
            }
            else
            {
                Error(list.Children[i], $"{context} must be a mapping with keys {string.Join(", ", allowed)}; got {Kind(list.Children[i])}");
            }
        }

        return entries;
    }

    /// <summary>
    /// Reads the required <c>id</c> of <paramref name="map"/>, checks its form and uniqueness in
    /// <paramref name="seen"/> (id → line), and renames the map's context to <c>kind 'id'</c>.
    /// </summary>
    public string? Id(YamlMap map, string kind, Dictionary<string, int> seen)
    {
        var id = map.Text("id", required: true);
        if (id is null)
        {
            return null;
        }

        var node = map.ValueNode("id")!;
        if (!IsValidId(id))
        {
            Error(node, $"{map.Context}: id '{id}' is not valid; an id is a letter followed by letters, digits, '_' or '-'");
        }
        else if (seen.TryGetValue(id, out var line))
        {
            Error(node, $"{map.Context}: duplicate {kind} id '{id}'; first defined at line {line}");
        }
        else
        {
            seen.Add(id, (int)node.Start.Line);
        }

        map.Context = $"{kind} '{id}'";
        return id;
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="node"/>, or null; no key checks, no errors.</summary>
    public static YamlNode? ValueOf(YamlMappingNode node, string key)
    {
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>True for <c>^[A-Za-z][A-Za-z0-9_-]*$</c>.</summary>
    public static bool IsValidId(string id)
    {
        if (id.Length == 0 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private const int MaxDepth = 64;

    /// <summary>Where the YAML first opens a mapping or sequence deeper than <see cref="MaxDepth"/>, or null.</summary>
    private Mark? TooDeep()
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > MaxDepth:
                        return parser.Current.Start;
                    case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Malformed before it got too deep: the load that follows reports it with its position.
        }

        return null;
    }

    private YamlMappingNode? LoadRoot()
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            // YamlStream.Load recurses once per nesting level: a hostile file nested thousands deep would overflow
            // the stack and end the process, so depth is checked first on the (non-recursive) event stream.
            if (TooDeep() is { } deep)
            {
                Error(deep, $"YAML nested more than {MaxDepth} levels deep; a protocol needs far fewer (docs/protocol.md)");
                return null;
            }

            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            Error(ex.Start, $"malformed YAML: {ex.Message}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 16.3 throws these instead of a YamlException for some unterminated flow collections and
            // for some broken event sequences ("The current event is of an unsupported type", found by fuzzing).
            Error(scanner.CurrentPosition, "malformed YAML: check for an unclosed '[', '{' or quote before this point");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Error(1, 1, $"the protocol is empty; expected a mapping with keys {string.Join(", ", RootKeys)}");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, "a protocol file holds one YAML document; remove the second '---' and what follows, or split it into its own file");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, $"the protocol must be a mapping with keys {string.Join(", ", RootKeys)}; got {Kind(stream.Documents[0].RootNode)}");
            return null;
        }

        return root;
    }

    private ProtocolException Failure()
    {
        var ordered = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
        return new ProtocolException(sourceName, ordered);
    }
}
