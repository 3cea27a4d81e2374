using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

/// <summary>
/// One YAML mapping of a protocol file with its keys checked against the allowed set; typed
/// getters report a wrong type, an empty value or a missing key at its line and column.
/// </summary>
internal sealed class YamlMap
{
    private readonly ProtocolReader _reader;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(ProtocolReader reader, YamlMappingNode node, string context, string[] allowed)
    {
        _reader = reader;
        Node = node;
        Context = context;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar && Array.IndexOf(allowed, name) >= 0)
            {
                _entries[name] = (scalar, value);
            }
            else
            {
                var shown = key is YamlScalarNode { Value: { } text } ? $"'{text}'" : "that is not a plain name";
                reader.Error(key, $"{Context}: unknown key {shown}; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>How messages name this mapping, e.g. <c>visit 'week16'</c>; refined once the id is read.</summary>
    public string Context { get; set; }

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    public YamlNode? ValueNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>A string value; null (with an error when <paramref name="required"/>) when absent or empty.</summary>
    public string? Text(string key, bool required)
    {
        var scalar = Scalar(key, required, "text");
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Value!.Trim().Length == 0)
        {
            _reader.Error(scalar, $"{Context}: '{key}' is empty; expected text");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>A whole number, or null when absent or malformed.</summary>
    public int? Integer(string key, bool required)
    {
        var scalar = Scalar(key, required, "a whole number");
        if (scalar is null)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _reader.Error(scalar, $"{Context}: '{key}' must be a whole number; got '{scalar.Value}'");
        return null;
    }

    /// <summary>A decimal number (invariant, exact), or null when absent or malformed.</summary>
    public decimal? Number(string key)
    {
        var scalar = Scalar(key, required: false, "a number");
        if (scalar is null)
        {
            return null;
        }

        if (decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _reader.Error(scalar, $"{Context}: '{key}' must be a number such as 30 or 37.5; got '{scalar.Value}'");
        return null;
    }

    /// <summary>A boolean (<c>true</c>/<c>false</c>), false when absent or malformed.</summary>
    public bool Flag(string key)
    {
        var scalar = Scalar(key, required: false, "true or false");
        switch (scalar?.Value)
        {
            case null:
                return false;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                _reader.Error(scalar, $"{Context}: '{key}' must be true or false; got '{scalar.Value}'");
                return false;
        }
    }

    public YamlSequenceNode? Sequence(string key, bool required) => Collection<YamlSequenceNode>(key, required, "a list");

    public YamlMappingNode? Mapping(string key, bool required) => Collection<YamlMappingNode>(key, required, "a mapping");

    /// <summary>A scalar value that is not YAML null (<c>~</c>, <c>null</c>, nothing); null otherwise.</summary>
    private YamlScalarNode? Scalar(string key, bool required, string expected)
    {
        var node = Present(key, required, expected);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar;
            default:
                _reader.Error(node, $"{Context}: '{key}' must be {expected}, not {ProtocolReader.Kind(node)}");
                return null;
        }
    }

    private T? Collection<T>(string key, bool required, string expected)
        where T : YamlNode
    {
        var node = Present(key, required, expected);
        switch (node)
        {
            case null:
                return null;
            case T collection:
                return collection;
            default:
                _reader.Error(node, $"{Context}: '{key}' must be {expected}, not {ProtocolReader.Kind(node)}");
                return null;
        }
    }

    private YamlNode? Present(string key, bool required, string expected)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                _reader.Error(Node, $"{Context}: missing required key '{key}'");
            }

            return null;
        }

        if (ProtocolReader.IsNull(entry.Value))
        {
            if (required)
            {
                _reader.Error(entry.Value, $"{Context}: '{key}' is empty; expected {expected}");
            }

            return null;
        }

        return entry.Value;
    }
}
