using System.Text.Json;
using Dermis.Precision.Endpoints;
using Dermis.Server.Exchange;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Exchange;

namespace Dermis.Server.Precision;

/// <summary>
/// A study read for the statistics (docs/statistics.md): its export (arms visible), the strata of
/// each randomised participant, and the sensor and single-cell features of each participant. The
/// command line reads the whole database (the operator holds it); the API reads what the caller
/// sees, and only when the caller may see arms.
/// </summary>
public sealed class StudyStatistics
{
    private StudyStatistics(StudyExport export, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> levels, IReadOnlyDictionary<string, ParticipantFeatures> features)
    {
        Export = export;
        Levels = levels;
        Features = features;
    }

    /// <summary>The study as the exports read it.</summary>
    public StudyExport Export { get; }

    /// <summary>Screening number → stratification factor → level.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Levels { get; }

    /// <summary>Screening number → baseline, week-16 and biomarker features.</summary>
    public IReadOnlyDictionary<string, ParticipantFeatures> Features { get; }

    /// <summary>The endpoint dataset of the arms <paramref name="treated"/> against <paramref name="control"/> (defaults: see <see cref="EndpointDatasets.Arms"/>).</summary>
    /// <exception cref="ArgumentException">An arm is unknown.</exception>
    public EndpointDataset Dataset(string? treated = null, string? control = null)
    {
        var (t, c) = EndpointDatasets.Arms(Export.Protocol, treated, control);
        return EndpointDatasets.Build(Export, Levels, t, c);
    }

    /// <summary>Reads study <paramref name="studyId"/> from <paramref name="database"/>, arms visible (the operator's command line).</summary>
    /// <exception cref="ArgumentException">No such study.</exception>
    public static async Task<StudyStatistics> LoadAsync(DermisDatabase database, string studyId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var export = await StudyExports.LoadAsync(database, studyId, unblinded: true, history: false, now, cancellationToken);
        await using var store = await TrialStore.BeginAsync(database, write: false, cancellationToken);
        return await LoadAsync(store, export, null, withFeatures: true, cancellationToken);
    }

    /// <summary>
    /// Reads the study for an API caller: 403 unless the caller may see every randomised participant's arm. The sensor and
    /// single-cell features (two reads per participant) only with <paramref name="withFeatures"/>: the endpoint analyses need none.
    /// </summary>
    internal static async Task<StudyStatistics> LoadAsync(TrialRequest request, bool withFeatures = true)
    {
        Exchange.ExportEndpoints.RequireExport(request);
        var export = await StudyExportLoader.LoadAsync(request, history: false);
        if (!export.ArmsVisible)
        {
            throw new ForbiddenException(
                $"Statistics by arm need arms you may see; your roles in {request.Study.Id} are blinded (arms are visible to the protocol's unblinded roles, and to sponsor administrators and data managers once the study is locked).");
        }

        return await LoadAsync(request.Store, export, request.Access.VisibleSites, withFeatures, CancellationToken.None);
    }

    private static async Task<StudyStatistics> LoadAsync(TrialStore store, StudyExport export, IReadOnlyList<string>? visibleSites, bool withFeatures, CancellationToken cancellationToken)
    {
        var studyId = export.Protocol.StudyId;
        var participants = await store.ListParticipantsAsync(studyId, visibleSites, cancellationToken);
        var screeningOf = participants.ToDictionary(p => p.Id, p => p.ScreeningNumber);
        var levels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var allocation in await store.ListAllocationsAsync(studyId, null, cancellationToken))
        {
            if (screeningOf.TryGetValue(allocation.ParticipantId, out var screening))
            {
                levels[screening] = JsonSerializer.Deserialize<Dictionary<string, string>>(allocation.Levels) ?? [];
            }
        }

        var features = new Dictionary<string, ParticipantFeatures>(StringComparer.Ordinal);
        var subjects = export.Subjects.ToDictionary(s => s.ScreeningNumber, StringComparer.Ordinal);
        foreach (var participant in withFeatures ? participants : [])
        {
            var subject = subjects.GetValueOrDefault(participant.ScreeningNumber);
            if (subject?.AnchorDate is null)
            {
                continue;
            }

            var nights = await store.ListNightSummariesAsync(participant.Id, cancellationToken);
            var composition = await store.ListCompositionAsync(participant.Id, cancellationToken);
            features[participant.ScreeningNumber] = ParticipantFeatures.From(subject, nights, composition);
        }

        return new StudyStatistics(export, levels, features);
    }
}
