using Dermis.Server.Auth;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Trials.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Participation;

/// <summary>
/// The participant app's API (<c>/api/me</c>): every route works on the caller's own casebook, found
/// from their account, so no route takes a participant id. Plus activation of an invitation, and the
/// site's routes for invitations, electronic consent countersignature, devices and diary compliance.
/// </summary>
internal static class ParticipantAppEndpoints
{
    public static IEndpointRouteBuilder MapParticipantApp(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/participant-app/activate", ActivateAsync).AllowAnonymous().WithTags("Participant app")
            .WithSummary("First use of an invitation link: choose a PIN or password; creates the participant's account.");

        var me = routes.MapGroup("/api/me").WithTags("Participant app");
        me.MapGet("/today", (Func<HttpContext, Task<IResult>>)TodayAsync).WithSummary("Today's diary tasks (open, upcoming, done, missed) and whether consent is needed.");
        me.MapGet("/entries", (Func<HttpContext, Task<IResult>>)HistoryAsync).WithSummary("My diary entries, newest first, and my weekly itch means.");
        me.MapPost("/diaries/{diaryId}/{date}", SubmitAsync)
            .WithSummary("Enter a diary for a due date, inside its window; idempotent by clientEntryId. A late entry is refused (422) with the reason.");
        me.MapGet("/consent", (Func<HttpContext, Task<IResult>>)ConsentDocumentAsync).WithSummary("The current consent document with its comprehension questions, and what I signed.");
        me.MapPost("/consent", SignConsentAsync).WithSummary("Sign the current consent document: answers, typed name, PIN.");
        me.MapGet("/devices", (Func<HttpContext, Task<IResult>>)MyDevicesAsync).WithSummary("My paired devices.");
        me.MapPost("/devices", PairMineAsync).WithSummary("Pair a device by its serial number; returns its ingest token once.");
        me.MapDelete("/devices/{deviceId:long}", UnpairMineAsync).WithSummary("Unpair one of my devices; its token stops working.");

        var participant = routes.MapGroup("/api/studies/{studyId}/participants/{participant}").WithTags("Participant app");
        participant.MapPost("/invitation", InviteAsync).WithSummary("Invite the participant to the app: a one-time link valid 7 days, and their time zone.");
        participant.MapGet("/econsents", ListConsentsAsync).WithSummary("Electronic consents of the participant with their snapshot hash.");
        participant.MapPost("/econsents/{econsentId:long}/countersign", CountersignAsync).WithSummary("Investigator countersignature (password re-entry).");
        participant.MapGet("/diary-entries", ParticipantEntriesAsync).WithSummary("The participant's diary entries and weekly itch means.");
        participant.MapGet("/devices", DevicesAsync).WithSummary("Devices paired to the participant.");
        participant.MapPost("/devices", PairAsync).WithSummary("Pair a device to the participant; returns its ingest token once.");
        participant.MapDelete("/devices/{deviceId:long}", UnpairAsync).WithSummary("Unpair a device.");
        routes.MapGet("/api/studies/{studyId}/diary-compliance", ComplianceAsync).WithTags("Participant app")
            .WithSummary("Diary compliance per participant and per site, non-compliant participants first.");
        return routes;
    }

    private static async Task<IResult> ActivateAsync(ActivationRequest body, HttpContext http, DermisDatabase database, TimeProvider time)
    {
        var (view, _) = await Invitations.ActivateAsync(database, body, time.GetUtcNow(), viaApi: true, http.RequestAborted);
        return TypedResults.Created("/api/me/today", view);
    }

    private static async Task<IResult> TodayAsync(HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: false);
        return TypedResults.Ok(await ParticipantToday.TodayAsync(session));
    }

    private static async Task<IResult> HistoryAsync(HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: false);
        return TypedResults.Ok(await ParticipantToday.HistoryAsync(session));
    }

    internal static async Task<IResult> SubmitAsync(string diaryId, string date, DiaryEntryRequest body, HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: true);
        var (view, created) = await DiarySubmission.SubmitAsync(session, diaryId, date, body);
        return created ? TypedResults.Created("/api/me/entries", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> ConsentDocumentAsync(HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: false);
        return TypedResults.Ok(await ElectronicConsent.DocumentViewAsync(session));
    }

    internal static async Task<IResult> SignConsentAsync(ConsentSignRequest body, HttpContext http)
    {
        var pin = await VerifiedSecret.OfCallerAsync(http, body.Pin);
        await using var session = await ParticipantSession.BeginAsync(http, write: true);
        return TypedResults.Created("/api/me/consent", await ElectronicConsent.SignAsync(session, body, pin));
    }

    private static async Task<IResult> MyDevicesAsync(HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: false);
        return TypedResults.Ok((await session.Store.ListDevicesAsync(session.Participant.Id)).Select(DevicePairing.View));
    }

    internal static async Task<IResult> PairMineAsync(PairRequest body, HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: true);
        var view = await DevicePairing.PairAsync(session.Request, session.Participant, body);
        await session.CommitAsync();
        return TypedResults.Created("/api/me/devices", view);
    }

    private static async Task<IResult> UnpairMineAsync(long deviceId, HttpContext http)
    {
        await using var session = await ParticipantSession.BeginAsync(http, write: true);
        await DevicePairing.UnpairAsync(session.Request, session.Participant, deviceId);
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> InviteAsync(string studyId, string participant, InvitationRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        return TypedResults.Created("/api/participant-app/activate", await Invitations.InviteAsync(request, participant, body));
    }

    private static async Task<IResult> ListConsentsAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        var current = (await request.ProtocolAsync()).Definition.ConsentDocumentVersion;
        return TypedResults.Ok((await request.Store.ListEConsentsAsync(row.Id)).Select(c => ElectronicConsent.View(c, current)));
    }

    internal static async Task<IResult> CountersignAsync(string studyId, string participant, long econsentId, CountersignRequest body, HttpContext http)
    {
        var password = await VerifiedSecret.OfCallerAsync(http, body.Password);
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        return TypedResults.Ok(await ElectronicConsent.CountersignAsync(request, participant, econsentId, body, password));
    }

    private static async Task<IResult> ParticipantEntriesAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok(await ParticipantToday.HistoryAsync(request, row));
    }

    private static async Task<IResult> DevicesAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok((await request.Store.ListDevicesAsync(row.Id)).Select(DevicePairing.View));
    }

    internal static async Task<IResult> PairAsync(string studyId, string participant, PairRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.ManageParticipants);
        var view = await DevicePairing.PairAsync(request, row, body);
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.Created($"/api/studies/{studyId}/participants/{participant}/devices", view);
    }

    private static async Task<IResult> UnpairAsync(string studyId, string participant, long deviceId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.ManageParticipants);
        await DevicePairing.UnpairAsync(request, row, deviceId);
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ComplianceAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        return TypedResults.Ok(await DiaryComplianceReport.BuildAsync(request));
    }
}
