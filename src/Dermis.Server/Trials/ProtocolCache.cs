using System.Collections.Concurrent;
using Dermis.Storage.Trials;
using Dermis.Trials.Checks;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Trials;

/// <summary>A protocol version, parsed, with its edit checks compiled.</summary>
/// <param name="Definition">The protocol.</param>
/// <param name="EditChecks">Its edit checks, ready to run.</param>
internal sealed record LoadedProtocol(ProtocolDefinition Definition, IReadOnlyList<CompiledEditCheck> EditChecks);

/// <summary>
/// Parsed protocol versions, by study and version. Versions never change once stored, so an entry
/// never goes stale; each server process parses a version once.
/// </summary>
internal sealed class ProtocolCache
{
    private readonly ConcurrentDictionary<(string Study, string Version), LoadedProtocol> _protocols = new();

    public async Task<LoadedProtocol> GetAsync(TrialStore store, string studyId, string version, CancellationToken cancellationToken)
    {
        if (_protocols.TryGetValue((studyId, version), out var loaded))
        {
            return loaded;
        }

        var yaml = await store.GetProtocolYamlAsync(studyId, version, cancellationToken)
            ?? throw new InvalidOperationException($"Protocol {studyId} {version} is not stored.");
        loaded = Load(yaml, $"{studyId} {version}");
        return _protocols.GetOrAdd((studyId, version), loaded);
    }

    public static LoadedProtocol Load(string yaml, string sourceName)
    {
        var definition = ProtocolParser.Parse(yaml, sourceName);
        return new LoadedProtocol(definition, CompiledEditCheck.Compile(definition));
    }
}
