namespace Dermis.Trials.Protocol;

/// <summary>
/// Reads a protocol file (YAML, docs/protocol.md) into a <see cref="ProtocolDefinition"/>,
/// checking every rule of the format and reporting every problem with its line and column.
/// </summary>
public static class ProtocolParser
{
    /// <summary>Parses and validates protocol YAML.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="sourceName">Name used in error messages, usually the file path.</param>
    /// <returns>The protocol; every edit-check condition in it parses and binds (<see cref="Checks.CompiledEditCheck.Compile"/>).</returns>
    /// <exception cref="ProtocolException">The YAML is malformed or breaks a rule; <see cref="ProtocolException.Errors"/> lists every problem found.</exception>
    public static ProtocolDefinition Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new ProtocolReader(yaml, sourceName).Read();
    }

    /// <summary>Reads, parses and validates the protocol file at <paramref name="path"/> (UTF-8); errors name the path.</summary>
    /// <exception cref="ProtocolException">The file breaks a rule; see <see cref="Parse"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ProtocolDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }
}
