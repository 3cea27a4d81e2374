using System.Text.Json;
using Dermis.Precision.Endpoints;
using Dermis.Trials.Exchange;
using Dermis.Trials.Exchange.Analysis;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Precision;

/// <summary>
/// Flattens a study (as the exports read it, arms visible) into the endpoint analyses' dataset:
/// the analysis-ready rows give EASI, vIGA-AD and the weekly itch mean with their baselines
/// (docs/exports.md rules), HECSI comes from the hecsi forms, strata from the randomisation record,
/// discontinuation from the withdrawal or lost-to-follow-up event.
/// </summary>
internal static class EndpointDatasets
{
    /// <summary>The two arms compared: <paramref name="treated"/>/<paramref name="control"/> when given, else the arm named placebo (or the last) as control and the first other arm as treated.</summary>
    /// <exception cref="ArgumentException">An arm is not in the protocol, or the protocol has fewer than two arms.</exception>
    public static (string Treated, string Control) Arms(ProtocolDefinition protocol, string? treated, string? control)
    {
        var ids = protocol.Arms.Select(a => a.Id).ToList();
        if (ids.Count < 2)
        {
            throw new ArgumentException($"Study {protocol.StudyId} has {ids.Count} arm; a comparison needs two.", nameof(protocol));
        }

        foreach (var (field, value) in new[] { ("control", control), ("treated", treated) })
        {
            if (value is not null && !ids.Contains(value))
            {
                throw new ArgumentException($"{field}: '{value}' is not an arm of {protocol.StudyId}; allowed: {string.Join(", ", ids)}.", field);
            }
        }

        control ??= ids.FirstOrDefault(a => a.Contains("placebo", StringComparison.OrdinalIgnoreCase) && a != treated) ?? ids.Last(a => a != treated);
        treated ??= ids.First(a => a != control);
        if (treated == control)
        {
            throw new ArgumentException($"treated: '{treated}' is also the control arm; name two different arms.", nameof(treated));
        }

        return (treated, control);
    }

    /// <summary>The dataset of <paramref name="export"/> (arms must be visible) for the arms <paramref name="treated"/> and <paramref name="control"/>.</summary>
    /// <param name="export">The study, arms visible.</param>
    /// <param name="levels">Screening number → stratification factor → level, from the randomisation records.</param>
    /// <param name="treated">Treated arm.</param>
    /// <param name="control">Control arm.</param>
    public static EndpointDataset Build(StudyExport export, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> levels, string treated, string control)
    {
        var protocol = export.Protocol;
        var anchor = protocol.AnchorVisit;
        var visits = protocol.Visits.Where(v => !v.IsUnscheduled && v.Day > anchor.Day).Select(v => new AnalysisVisit(v.Id, v.Name, v.Day)).ToList();
        var factors = protocol.Stratification.Select(f => f.Id).ToList();
        var rows = AnalysisCsv.Build(export).ToLookup(r => r.Participant, StringComparer.Ordinal);
        var hecsiForms = protocol.Forms.Where(f => f.Instrument == "hecsi").Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        var participants = new List<EndpointParticipant>();
        foreach (var subject in export.Subjects.Where(s => s.Arm == treated || s.Arm == control))
        {
            var subjectRows = rows[subject.ScreeningNumber].ToList();
            var anchorDate = subject.AnchorDate ?? subject.Visits.FirstOrDefault(v => v.VisitId == anchor.Id)?.Date;
            var first = subjectRows.FirstOrDefault();
            var hecsiBaseline = Hecsi(subject.Visits.FirstOrDefault(v => v.VisitId == anchor.Id), hecsiForms);
            var baseline = new EndpointValues(first?.EasiBaseline, first?.VigaBaseline, first?.ItchBaseline, hecsiBaseline);
            var post = new List<EndpointVisitValues>();
            foreach (var visit in visits)
            {
                var row = subjectRows.LastOrDefault(r => r.Visit == visit.Id);
                var hecsi = Hecsi(subject.Visits.LastOrDefault(v => v.VisitId == visit.Id), hecsiForms);
                if (row is null && hecsi is null)
                {
                    continue;
                }

                post.Add(new EndpointVisitValues(visit.Id, new EndpointValues(row?.Easi, row?.Viga, row?.ItchMean, hecsi)));
            }

            participants.Add(new EndpointParticipant(
                subject.ScreeningNumber,
                subject.SiteId,
                subject.Arm!,
                factors.Select(f => levels.GetValueOrDefault(subject.ScreeningNumber)?.GetValueOrDefault(f) ?? "unknown").ToList(),
                baseline,
                DiscontinuedOnDay(subject, anchorDate),
                post));
        }

        return new EndpointDataset(protocol.StudyId, visits, factors, treated, control, participants);
    }

    /// <summary>Study day (anchor = day 1) of the withdrawal or loss to follow-up, or null.</summary>
    private static int? DiscontinuedOnDay(ExportSubject subject, DateOnly? anchorDate)
    {
        var stop = subject.Events.LastOrDefault(e => e.Action is "withdraw" or "markLostToFollowUp");
        if (stop is null || anchorDate is not { } anchor)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(stop.At.UtcDateTime).DayNumber - anchor.DayNumber;
        return day >= 0 ? day + 1 : day;
    }

    /// <summary>The HECSI total of the visit's hecsi form (its derived score), or null.</summary>
    private static decimal? Hecsi(ExportVisit? visit, HashSet<string> hecsiForms)
    {
        var form = visit?.Forms.LastOrDefault(f => hecsiForms.Contains(f.FormId));
        if (form?.Derived is not { Length: > 0 } derived)
        {
            return null;
        }

        using var document = JsonDocument.Parse(derived);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number
            ? total.GetDecimal()
            : null;
    }
}
