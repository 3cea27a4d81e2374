using System.Text.Json;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Locking;
using Dermis.Trials.Participants;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>Screening, consent, eligibility and participant status.</summary>
internal static class ParticipantEndpoints
{
    public sealed record ConsentRequest(string? DocumentVersion, DateOnly? SignedOn, string? Method);

    public sealed record EligibilityRequest(Dictionary<string, bool>? Answers);

    public sealed record StatusRequest(string? Action, string? Reason);

    public sealed record AccountRequest(string? Username, string? Password);

    public static IEndpointRouteBuilder MapParticipants(this IEndpointRouteBuilder routes)
    {
        var study = routes.MapGroup("/api/studies/{studyId}").WithTags("Participants");
        study.MapGet("/participants", ListAsync).WithSummary("Participants at the sites the caller may see.");
        study.MapPost("/sites/{siteId}/participants", ScreenAsync).WithSummary("Screen a new participant at a site; returns the screening number.");
        study.MapGet("/participants/{participant}", GetAsync).WithSummary("One participant's casebook summary: status, consent, eligibility, visits, forms, queries, deviations, signatures.");
        study.MapPost("/participants/{participant}/consent", ConsentAsync).WithSummary("Record signed informed consent (on site or remote).");
        study.MapPut("/participants/{participant}/eligibility", EligibilityAsync).WithSummary("Record the eligibility checklist (criterion id → met).");
        study.MapPost("/participants/{participant}/status", StatusAsync).WithSummary("Change status: enrol, screenFail, complete, withdraw, markLostToFollowUp.");
        study.MapPost("/participants/{participant}/account", CreateAccountAsync)
            .WithSummary("Give the participant an account to sign in to their own casebook (and, later, diaries) from home.");
        return routes;
    }

    internal static async Task<IResult> ListAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var rows = await request.Store.ListParticipantsAsync(studyId, request.Access.VisibleSites, http.RequestAborted);
        if (request.Access.VisibleSites is { Count: 0 })
        {
            // A participant account (no staff site): its own casebook only.
            rows = (await request.Store.ListParticipantsAsync(studyId, null, http.RequestAborted))
                .Where(p => request.Access.CanSeeParticipant(p.SiteId, p.ScreeningNumber)).ToList();
        }

        return TypedResults.Ok(rows.Select(p => new { p.ScreeningNumber, Site = p.SiteId, p.Status, p.ProtocolVersion, p.AnchorDate }));
    }

    internal static async Task<IResult> ScreenAsync(string studyId, string siteId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        if (!request.Access.CanSee(siteId) || await request.Store.GetSiteAsync(studyId, siteId, http.RequestAborted) is null)
        {
            throw new NotFoundException($"Site '{siteId}' was not found in {studyId}.");
        }

        request.Require(Capability.ManageParticipants, siteId);
        await CasebookGuard.RequireOpenAsync(request, siteId, null, null, null);
        var row = await request.Store.ScreenParticipantAsync(studyId, siteId, request.Study.ProtocolVersion, Names.Of(ParticipantStatus.Screened), request.Now, http.RequestAborted);
        request.Audit(new AuditEvent(siteId, row.ScreeningNumber, "participant", row.ScreeningNumber, "status", "screen", null, row.Status, null));
        await request.CommitAsync(Capability.ManageParticipants, siteId);
        return TypedResults.Created($"/api/studies/{studyId}/participants/{row.ScreeningNumber}", new { row.ScreeningNumber, Site = siteId, row.Status, row.ProtocolVersion });
    }

    internal static async Task<IResult> GetAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok(await Casebook.SummaryAsync(request, row));
    }

    internal static async Task<IResult> ConsentAsync(string studyId, string participant, ConsentRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.ManageParticipants);
        var current = (await request.ProtocolAsync()).Definition.ConsentDocumentVersion;
        var errors = new Fields();
        errors.Check("documentVersion", body.DocumentVersion == current, $"'{body.DocumentVersion}' is not the current consent document; allowed: {current}");
        errors.Check("signedOn", body.SignedOn is { } d && d <= DateOnly.FromDateTime(request.Now.UtcDateTime.AddDays(1)), "is required: the date the participant signed (yyyy-MM-dd), not in the future");
        errors.Check("method", body.Method is "onSite" or "remote", "is required; allowed: onSite, remote");
        errors.ThrowIfAny("Invalid consent");

        var consent = new ConsentRow
        {
            ParticipantId = row.Id, DocumentVersion = current, SignedOn = UtcText.Format(body.SignedOn!.Value), Method = body.Method!, RecordedBy = request.Actor,
        };
        await request.Store.AddConsentAsync(consent, request.Now, http.RequestAborted);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "consent", row.ScreeningNumber, "documentVersion", "consent", null,
            $"{current} signed {consent.SignedOn} ({consent.Method})", null));
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.Ok(await Casebook.SummaryAsync(request, row));
    }

    internal static async Task<IResult> EligibilityAsync(string studyId, string participant, EligibilityRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.ManageParticipants);
        var protocol = (await request.ProtocolAsync(row.ProtocolVersion)).Definition;
        if (body.Answers is null)
        {
            throw BadInputException.Field("answers", $"is required: an object of criterion id → true/false; criteria: {string.Join(", ", protocol.Eligibility.Select(c => c.Id))}");
        }

        var errors = new Fields();
        foreach (var id in body.Answers.Keys)
        {
            errors.Check($"answers.{id}", protocol.Eligibility.Any(c => c.Id == id),
                $"is not an eligibility criterion of {protocol.StudyId} {protocol.Version}; criteria: {string.Join(", ", protocol.Eligibility.Select(c => c.Id))}");
        }

        errors.ThrowIfAny("Invalid eligibility checklist");
        var before = JsonSerializer.Deserialize<Dictionary<string, bool>>(row.Eligibility) ?? [];
        var answers = new Dictionary<string, bool>(before);
        foreach (var (id, met) in body.Answers)
        {
            answers[id] = met;
        }

        var result = Eligibility.Evaluate(protocol, answers);

        foreach (var (id, met) in body.Answers)
        {
            var old = before.TryGetValue(id, out var was) ? (bool?)was : null;
            if (old != met)
            {
                request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "participant", row.ScreeningNumber, $"eligibility.{id}", "update",
                    old?.ToString().ToLowerInvariant(), met.ToString().ToLowerInvariant(), null));
            }
        }

        row.Eligibility = JsonSerializer.Serialize(answers);
        await request.Store.UpdateParticipantAsync(row, http.RequestAborted);
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.Ok(new { result.IsComplete, result.IsEligible, result.Failed, result.Unanswered });
    }

    internal static async Task<IResult> StatusAsync(string studyId, string participant, StatusRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.ManageParticipants);
        var action = Names.Parse<ParticipantAction>(body.Action)
            ?? throw BadInputException.Field("action", $"'{body.Action}' is not an action; allowed: {string.Join(", ", Names.All<ParticipantAction>())}");
        if (action == ParticipantAction.Randomise)
        {
            throw new DomainRuleException("randomisation-required", "A participant is randomised by the randomisation service, which assigns the arm; a status change cannot do it.");
        }

        if (ParticipantWorkflow.RequiresReason(action) && string.IsNullOrWhiteSpace(body.Reason))
        {
            throw BadInputException.Field("reason", $"is required for '{Names.Of(action)}'");
        }

        var from = Names.Parse<ParticipantStatus>(row.Status)!.Value;
        var to = ParticipantWorkflow.Apply(row.ScreeningNumber, from, action);
        if (action == ParticipantAction.Enrol)
        {
            await RequireEnrollableAsync(request, row);
        }

        row.Status = Names.Of(to);
        row.StatusReason = body.Reason;
        await request.Store.UpdateParticipantAsync(row, http.RequestAborted);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "participant", row.ScreeningNumber, "status", Names.Of(action), Names.Of(from), row.Status, body.Reason));
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.Ok(await Casebook.SummaryAsync(request, row));
    }

    internal static async Task<IResult> CreateAccountAsync(string studyId, string participant, AccountRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantAsync(participant);
        request.Require(Capability.ManageParticipants, row.SiteId);
        var errors = new Fields();
        errors.Identifier("username", body.Username);
        if (Auth.PasswordPolicy.Violation(body.Username, body.Password) is { } weak)
        {
            errors.Add("password", weak);
        }

        errors.ThrowIfAny("Invalid participant account");

        // Pseudonymous: the account carries the screening number, never the participant's name.
        var accountId = await request.Store.CreateAccountAsync(body.Username!, $"Participant {row.ScreeningNumber}", Auth.Passwords.Hash(body.Password!), false, request.Now, http.RequestAborted);
        await request.Store.AddRoleAsync(studyId, accountId, StudyRole.Participant, row.SiteId, row.ScreeningNumber, http.RequestAborted);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "participant", row.ScreeningNumber, "account", "createAccount", null, body.Username, null));
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.Created($"/api/studies/{studyId}/participants/{row.ScreeningNumber}", new { body.Username, Participant = row.ScreeningNumber });
    }

    /// <summary>Enrolment needs consent on the current consent document and a complete, passed eligibility checklist.</summary>
    internal static async Task RequireEnrollableAsync(TrialRequest request, ParticipantRow row)
    {
        var protocol = (await request.ProtocolAsync()).Definition;
        var consents = await request.Store.ListConsentsAsync(row.Id);
        if (!consents.Any(c => c.DocumentVersion == protocol.ConsentDocumentVersion))
        {
            throw new DomainRuleException("consent-required",
                $"Participant {row.ScreeningNumber} has not signed consent document {protocol.ConsentDocumentVersion}; record consent first (POST …/consent).");
        }

        var eligibility = Eligibility.Evaluate((await request.ProtocolAsync(row.ProtocolVersion)).Definition,
            JsonSerializer.Deserialize<Dictionary<string, bool>>(row.Eligibility) ?? []);
        if (!eligibility.IsEligible)
        {
            throw new DomainRuleException("not-eligible", eligibility.IsComplete
                ? $"Participant {row.ScreeningNumber} fails {string.Join(", ", eligibility.Failed)}; screen-fail instead."
                : $"Participant {row.ScreeningNumber}'s eligibility checklist is incomplete: {string.Join(", ", eligibility.Unanswered)} unanswered.");
        }
    }
}
