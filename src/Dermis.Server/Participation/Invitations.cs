using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Diaries;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Participation;

/// <summary>An invitation to send.</summary>
/// <param name="TimeZone">The participant's IANA time zone, e.g. Europe/Paris: diary windows open and close in it.</param>
internal sealed record InvitationRequest(string? TimeZone);

/// <summary>The invitation link, shown once to the site to send to the participant.</summary>
internal sealed record InvitationView(string Participant, string Link, DateTimeOffset ExpiresAt, string TimeZone);

/// <summary>First use of an invitation: the secret the participant chooses.</summary>
/// <param name="Token">The token from the link.</param>
/// <param name="Pin">A 6-digit PIN, or a password of at least 12 characters.</param>
internal sealed record ActivationRequest(string? Token, string? Pin);

/// <summary>The account created by an activation.</summary>
internal sealed record ActivationView(string Username, string Participant, string Study);

/// <summary>
/// Invitations to the participant app: the site sends a one-time link (valid 7 days, the newest only;
/// only its SHA-256 is stored); opening it, the participant chooses a PIN or password, which creates
/// their pseudonymous account for their own casebook and starts their diaries the next day.
/// </summary>
internal static class Invitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static async Task<InvitationView> InviteAsync(TrialRequest request, string screeningNumber, InvitationRequest body)
    {
        var participant = await request.ParticipantToChangeAsync(screeningNumber, Capability.ManageParticipants);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(body.TimeZone ?? "", out var zone) || !zone.HasIanaId)
        {
            throw new BadInputException("Invalid invitation", [new("timeZone", $"is required: the participant's IANA time zone, e.g. Europe/Paris or America/New_York; got '{body.TimeZone}'")]);
        }

        if (!ParticipantSession.IsFollowed(participant.Status))
        {
            throw new DomainRuleException("participation-ended", $"Participant {screeningNumber} is {participant.Status}: no invitation can be sent.");
        }

        if ((await request.Store.ListOwnCasebookAccountsAsync(request.Study.Id, screeningNumber)).Count > 0)
        {
            throw new DomainRuleException("already-activated", $"Participant {screeningNumber} already has an account for the app; they sign in with it.");
        }

        var token = BearerTokenHandler.NewToken();
        var expires = request.Now + Lifetime;
        await request.Store.AddInvitationAsync(new InvitationRow
        {
            TokenHash = BearerTokenHandler.HashToken(token),
            ParticipantId = participant.Id,
            CreatedBy = request.Actor,
            CreatedAt = UtcText.Format(request.Now),
            ExpiresAt = UtcText.Format(expires),
        }, zone.Id);
        request.Audit(new AuditEvent(participant.SiteId, participant.ScreeningNumber, "invitation", participant.ScreeningNumber, "timeZone", "invite", participant.TimeZone, zone.Id, null));
        await request.CommitAsync(Capability.ManageParticipants, participant.SiteId);
        return new InvitationView(participant.ScreeningNumber, "/p/join/" + token, expires, zone.Id);
    }

    /// <summary>The invitation behind a link, if it can still be used; otherwise why not.</summary>
    public static async Task<InvitationRow> UsableAsync(TrialStore store, string? token, DateTimeOffset now)
    {
        var invitation = string.IsNullOrEmpty(token) ? null : await store.FindInvitationAsync(BearerTokenHandler.HashToken(token));
        if (invitation is null)
        {
            throw new NotFoundException("This invitation link is not valid. Ask your study team for a new one.");
        }

        if (invitation.UsedAt is not null)
        {
            throw new DomainRuleException("invitation-used", "This invitation link was already used. Sign in with your user name and PIN.");
        }

        if (UtcText.Parse(invitation.ExpiresAt) <= now)
        {
            throw new DomainRuleException("invitation-expired", "This invitation link has expired. Ask your study team for a new one.");
        }

        return invitation;
    }

    public static async Task<(ActivationView View, AccountRow Account)> ActivateAsync(DermisDatabase database, ActivationRequest body, DateTimeOffset now, bool viaApi, CancellationToken cancellationToken)
    {
        var errors = new Fields();
        errors.Check("token", !string.IsNullOrEmpty(body.Token), "is required: the code from your invitation link");
        errors.Check("pin", IsAcceptableSecret(body.Pin), $"is required: 6 digits that are not all the same or in a row (like 123456), or a password of at least {Passwords.MinimumLength} characters");
        errors.ThrowIfAny("Not activated");

        // Hashed (~45 ms of PBKDF2) before the write transaction, which on SQLite holds up every other writer.
        var pinHash = Passwords.Hash(body.Pin!);
        await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
        var invitation = await UsableAsync(store, body.Token, now);
        var participant = await store.GetParticipantAsync(invitation.StudyId, invitation.ScreeningNumber, cancellationToken)
            ?? throw new NotFoundException("This invitation link is not valid. Ask your study team for a new one.");
        // Pseudonymous: the user name and display name carry the screening number, never a name.
        var username = $"{invitation.StudyId}-{invitation.ScreeningNumber}".ToLowerInvariant();
        var accountId = await store.CreateAccountAsync(username, $"Participant {participant.ScreeningNumber}", pinHash, false, now, cancellationToken);
        await store.AddRoleAsync(invitation.StudyId, accountId, StudyRole.Participant, participant.SiteId, participant.ScreeningNumber, cancellationToken);
        if (!await store.UseInvitationAsync(invitation.TokenHash, now, cancellationToken))
        {
            throw new DomainRuleException("invitation-used", "This invitation link was already used. Sign in with your user name and PIN.");
        }

        var zone = ParticipantSession.ZoneOf(participant);
        await store.SetActivatedOnAsync(participant.Id, DiaryCalendar.LocalDate(now, zone), cancellationToken);
        store.Audit(invitation.StudyId, new AuditEvent(participant.SiteId, participant.ScreeningNumber, "invitation", participant.ScreeningNumber, "account", "activate", null, username, null));
        await store.CommitAsync(username, Names.Of(StudyRole.Participant), viaApi ? AuditSource.Api : AuditSource.Web, now, cancellationToken);
        var account = new AccountRow { Id = accountId, Username = username, DisplayName = $"Participant {participant.ScreeningNumber}" };
        return (new ActivationView(username, participant.ScreeningNumber, invitation.StudyId), account);
    }

    /// <summary>A PIN of 6 digits, not all alike and not a straight run; or a password of at least <see cref="Passwords.MinimumLength"/> characters.</summary>
    public static bool IsAcceptableSecret(string? secret)
    {
        if (secret is null)
        {
            return false;
        }

        if (secret.Length >= Passwords.MinimumLength)
        {
            return true;
        }

        if (secret.Length != 6 || !secret.All(char.IsAsciiDigit))
        {
            return false;
        }

        var steps = Enumerable.Range(1, 5).Select(i => secret[i] - secret[i - 1]).Distinct().ToList();
        return !(steps.Count == 1 && steps[0] is 0 or 1 or -1);
    }
}
