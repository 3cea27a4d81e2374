using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Forms;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>
/// Electronic signatures (21 CFR 11.50, 11.200): the investigator re-enters the password, states the
/// meaning, and the signature records printed name, time and meaning. A later change to signed data
/// invalidates it visibly.
/// </summary>
internal static class SignatureEndpoints
{
    public sealed record SignRequest(long? Visit, string? Password, string? Meaning);

    public static IEndpointRouteBuilder MapSignatures(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/studies/{studyId}/participants/{participant}/signatures", SignAsync).WithTags("Signatures")
            .WithSummary("Sign a visit (visit key) or the whole casebook (no visit) by re-entering the password; every form in scope must be complete.");
        return routes;
    }

    internal static async Task<IResult> SignAsync(string studyId, string participant, SignRequest body, HttpContext http)
    {
        var password = await VerifiedSecret.OfCallerAsync(http, body.Password);
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantAsync(participant);
        request.Require(Capability.Sign, row.SiteId);
        await CasebookGuard.RequireOpenAsync(request, row.SiteId, row.ScreeningNumber, body.Visit, null, allowFrozen: true);
        var errors = new Fields();
        errors.Text("meaning", body.Meaning, 500);
        errors.Check("password", !string.IsNullOrEmpty(body.Password), "is required: re-enter your password to sign");
        errors.ThrowIfAny("Invalid signature");

        var account = await request.Store.FindAccountAsync(request.Actor);
        if (account is null || !password.Matches(account))
        {
            throw new ForbiddenException("The password is wrong; the signature was not applied.");
        }

        var visits = await request.Store.ListVisitsAsync(row.Id);
        if (body.Visit is { } visitKey && visits.All(v => v.Id != visitKey))
        {
            throw new NotFoundException($"Visit {visitKey} of participant {row.ScreeningNumber} was not found.");
        }

        var forms = (await request.Store.ListFormsAsync(row.Id)).Where(f => body.Visit is null || f.VisitRowId == body.Visit).ToList();
        if (forms.Count == 0)
        {
            throw new DomainRuleException("nothing-to-sign", "There are no forms with data in the scope of this signature.");
        }

        var incomplete = forms.Where(f => Names.Parse<FormStatus>(f.Status) < FormStatus.Complete).Select(f => $"{f.FormId} (visit {f.VisitRowId})").ToList();
        if (incomplete.Count > 0)
        {
            throw new DomainRuleException("forms-not-complete", $"Only complete data can be signed; not complete: {string.Join(", ", incomplete)}.");
        }

        var signature = new SignatureRow
        {
            ParticipantId = row.Id, VisitRowId = body.Visit, Signer = account.Username, SignerName = account.DisplayName, Meaning = body.Meaning!, SignedAt = UtcText.Format(request.Now),
        };
        signature.Id = await request.Store.AddSignatureAsync(signature);
        foreach (var form in forms)
        {
            var from = Names.Parse<FormStatus>(form.Status)!.Value;
            var to = FormWorkflow.Apply(form.FormId, from, FormAction.Sign);
            if (to != from)
            {
                var version = form.RowVersion;
                form.Status = Names.Of(to);
                await request.Store.UpdateFormAsync(form, version);
                request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "form", $"{row.ScreeningNumber}/{form.VisitRowId}/{form.FormId}@v{form.RowVersion}", "status", "sign", Names.Of(from), form.Status, null));
            }
        }

        var scope = body.Visit is null ? "casebook" : $"visit {visits.First(v => v.Id == body.Visit).VisitId}";
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "signature", $"{row.ScreeningNumber}/{signature.Id}", null, "sign", null,
            $"{account.DisplayName} ({account.Username}) signed {scope}: {body.Meaning}", null));
        await request.CommitAsync(Capability.Sign, row.SiteId);
        return TypedResults.Created($"/api/studies/{studyId}/participants/{row.ScreeningNumber}", new
        {
            signature.Id, Scope = scope, signature.Signer, signature.SignerName, signature.Meaning, signature.SignedAt,
        });
    }
}
