using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Participants;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Participation;

/// <summary>
/// One request of the participant app: the signed-in participant's own casebook, found from the
/// account (never from the URL, so no route can name someone else's), with its protocol and time zone.
/// A staff account has no casebook here and is refused.
/// </summary>
internal sealed class ParticipantSession : IAsyncDisposable
{
    private ParticipantSession(TrialRequest request, ParticipantRow participant, LoadedProtocol protocol, TimeZoneInfo zone)
    {
        Request = request;
        Participant = participant;
        Protocol = protocol;
        Zone = zone;
    }

    public TrialRequest Request { get; }

    public ParticipantRow Participant { get; }

    public LoadedProtocol Protocol { get; }

    /// <summary>The participant's time zone: diary windows and "today" are in it.</summary>
    public TimeZoneInfo Zone { get; }

    public TrialStore Store => Request.Store;

    public DateTimeOffset Now => Request.Now;

    /// <summary>Today in the participant's time zone.</summary>
    public DateOnly Today => Dermis.Trials.Diaries.DiaryCalendar.LocalDate(Now, Zone);

    public static async Task<ParticipantSession> BeginAsync(HttpContext http, bool write)
    {
        var database = http.RequestServices.GetRequiredService<DermisDatabase>();
        List<(string StudyId, string ScreeningNumber)> casebooks;
        await using (var lookup = await TrialStore.BeginAsync(database, write: false, http.RequestAborted))
        {
            casebooks = await lookup.ListOwnCasebooksAsync(http.User.Account(), http.RequestAborted);
        }

        if (casebooks.Count == 0)
        {
            throw new ForbiddenException("This is the participant app: sign in with the account your study team invited you to. Staff use the site application.");
        }

        // An account is invited to one casebook; should it hold several, the first study's is the app's.
        var (studyId, screeningNumber) = casebooks[0];
        var request = await TrialRequest.BeginAsync(http, studyId, write);
        try
        {
            var participant = await request.ParticipantAsync(screeningNumber);
            var protocol = await request.ProtocolAsync();
            return new ParticipantSession(request, participant, protocol, ZoneOf(participant));
        }
        catch
        {
            await request.DisposeAsync();
            throw;
        }
    }

    /// <summary>The participant's time zone; UTC until an invitation set one.</summary>
    public static TimeZoneInfo ZoneOf(ParticipantRow participant) =>
        participant.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>True while the participant takes part: screened to randomised, not completed, withdrawn or screen-failed.</summary>
    public bool IsActive => IsFollowed(Participant.Status);

    /// <summary>True for a status (as stored) in which the participant is still followed at home: screened, enrolled or randomised.</summary>
    public static bool IsFollowed(string status) =>
        Names.Parse<ParticipantStatus>(status) is ParticipantStatus.Screened or ParticipantStatus.Enrolled or ParticipantStatus.Randomised;

    /// <summary>Queues an audit record on the participant's own chain.</summary>
    public void Audit(string entity, string key, string? item, string action, string? oldValue, string? newValue, string? reason = null) =>
        Request.Audit(new AuditEvent(Participant.SiteId, Participant.ScreeningNumber, entity, key, item, action, oldValue, newValue, reason));

    /// <summary>Commits as the participant (role <c>participant</c>).</summary>
    public Task CommitAsync() =>
        Store.CommitAsync(Request.Actor, Names.Of(Dermis.Trials.Access.StudyRole.Participant), Request.User.ViaApi() ? AuditSource.Api : AuditSource.Web, Now);

    public ValueTask DisposeAsync() => Request.DisposeAsync();
}
