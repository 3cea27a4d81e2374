using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Participants;
using Dermis.Trials.Protocol;
using Dermis.Trials.Schedule;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>Visits: recorded with their date, classified against their window; out of window is a protocol deviation.</summary>
internal static class VisitEndpoints
{
    public sealed record VisitRequest(string? Visit, DateOnly? Date);

    public static IEndpointRouteBuilder MapVisits(this IEndpointRouteBuilder routes)
    {
        var participant = routes.MapGroup("/api/studies/{studyId}/participants/{participant}").WithTags("Visits");
        participant.MapPost("/visits", AddAsync).WithSummary("Record a visit on a date; the window is checked and a visit outside it is recorded as a protocol deviation.");
        participant.MapGet("/visits", ListAsync).WithSummary("The participant's visits with target dates and windows.");
        return routes;
    }

    internal static async Task<IResult> ListAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok(await request.Store.ListVisitsAsync(row.Id, http.RequestAborted));
    }

    internal static async Task<IResult> AddAsync(string studyId, string participant, VisitRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.ManageParticipants);
        var protocol = (await request.ProtocolAsync()).Definition;
        var definition = protocol.FindVisit(body.Visit ?? "");
        var errors = new Fields();
        errors.Check("visit", definition is not null, $"'{body.Visit}' is not a visit of {studyId} {protocol.Version}; allowed: {string.Join(", ", protocol.Visits.Select(v => v.Id))}");
        errors.Check("date", body.Date is { } d && d <= DateOnly.FromDateTime(request.Now.UtcDateTime.AddDays(1)), "is required: the visit date (yyyy-MM-dd), not in the future");
        errors.ThrowIfAny("Invalid visit");

        var status = Names.Parse<ParticipantStatus>(row.Status)!.Value;
        var isScreening = definition!.Day < 1 && !definition.IsUnscheduled;
        if (status is ParticipantStatus.ScreenFailed or ParticipantStatus.Completed or ParticipantStatus.Withdrawn or ParticipantStatus.LostToFollowUp ||
            (status == ParticipantStatus.Screened && !isScreening))
        {
            throw new DomainRuleException("visit-not-allowed",
                $"Participant {row.ScreeningNumber} is {row.Status}: {(status == ParticipantStatus.Screened ? "only screening visits before enrolment" : "no further visits")}.");
        }

        var visits = await request.Store.ListVisitsAsync(row.Id, http.RequestAborted);
        if (!definition.IsUnscheduled && visits.Any(v => v.VisitId == definition.Id))
        {
            throw new DomainRuleException("visit-exists", $"Visit {definition.Id} of {row.ScreeningNumber} is already recorded; use an unscheduled visit for a repeat.");
        }

        if (definition.IsAnchor)
        {
            row.AnchorDate = UtcText.Format(body.Date!.Value);
            await request.Store.UpdateParticipantAsync(row, http.RequestAborted);
            request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "participant", row.ScreeningNumber, "anchorDate", "update", null, row.AnchorDate, null));
        }

        var visit = new VisitRow { ParticipantId = row.Id, VisitId = definition.Id, VisitDate = UtcText.Format(body.Date!.Value), ProtocolVersion = protocol.Version };
        Classify(visit, definition, row.AnchorDate);
        await request.Store.AddVisitAsync(visit, request.Now, http.RequestAborted);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "visit", $"{row.ScreeningNumber}/{visit.Id}", "date", "create", null, $"{definition.Id} {visit.VisitDate}", null));
        await RecordDeviationAsync(request, row, visit, definition);

        if (definition.IsAnchor)
        {
            // The anchor date places visits recorded before it (screening) in or out of their windows.
            foreach (var earlier in visits)
            {
                var earlierDefinition = protocol.FindVisit(earlier.VisitId);
                if (earlierDefinition is null)
                {
                    continue;
                }

                var before = earlier.WindowStatus;
                Classify(earlier, earlierDefinition, row.AnchorDate);
                if (earlier.WindowStatus != before)
                {
                    await request.Store.UpdateVisitWindowAsync(earlier, http.RequestAborted);
                    await RecordDeviationAsync(request, row, earlier, earlierDefinition);
                }
            }
        }

        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        var window = row.AnchorDate is null ? null : VisitWindow.For(definition, UtcText.ParseDate(row.AnchorDate));
        return TypedResults.Created($"/api/studies/{studyId}/participants/{row.ScreeningNumber}/visits/{visit.Id}", new
        {
            visit.Id, Visit = visit.VisitId, Date = visit.VisitDate, window?.Target, window?.Earliest, window?.Latest, visit.WindowStatus, visit.DaysOutside,
        });
    }

    internal static void Classify(VisitRow visit, VisitDefinition definition, string? anchorDate)
    {
        var window = anchorDate is null ? null : VisitWindow.For(definition, UtcText.ParseDate(anchorDate));
        var date = UtcText.ParseDate(visit.VisitDate);
        visit.WindowStatus = Names.Of(window?.Classify(date) ?? WindowStatus.NotApplicable);
        visit.DaysOutside = window?.DaysOutside(date) ?? 0;
    }

    internal static async Task RecordDeviationAsync(TrialRequest request, ParticipantRow row, VisitRow visit, VisitDefinition definition)
    {
        if (visit.WindowStatus is not ("early" or "late"))
        {
            return;
        }

        var window = VisitWindow.For(definition, UtcText.ParseDate(row.AnchorDate!))!;
        var description = $"{definition.Name} on {visit.VisitDate} is {Math.Abs(visit.DaysOutside)} day(s) {visit.WindowStatus}: window {UtcText.Format(window.Earliest)} to {UtcText.Format(window.Latest)} (target {UtcText.Format(window.Target)}).";
        await request.Store.AddDeviationAsync(row.Id, visit.Id, "visitOutOfWindow", description, request.Now);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "deviation", $"{row.ScreeningNumber}/{visit.Id}", null, "visitOutOfWindow", null, description, null));
    }
}
