using Dermis.Trials.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>The audit trail, read per study, participant, form or item.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/studies/{studyId}/audit", ReadAsync).WithTags("Audit")
            .WithSummary("Audit records in chain order; filter by participant, form (visitKey/formId) and item. Site staff see their sites' records only.");
        return routes;
    }

    /// <summary>One audit record as a reader may see it (no hashes; a blinded reader sees no arm).</summary>
    public sealed record AuditView(
        long Sequence, DateTimeOffset AtUtc, string Actor, string? Role, string Source, string? Site, string? Participant, string Entity, string EntityKey,
        string? Item, string Action, string? OldValue, string? NewValue, string? Reason);

    private static async Task<IResult> ReadAsync(string studyId, string? participant, string? form, string? item, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        return TypedResults.Ok(await ReadVisibleAsync(request, participant, form, item, http.RequestAborted));
    }

    /// <summary>The records the caller may read (the API route and the web audit view).</summary>
    internal static async Task<List<AuditView>> ReadVisibleAsync(TrialRequest request, string? participant, string? form, string? item, CancellationToken cancellationToken)
    {
        var studyId = request.Study.Id;
        string? prefix = null;
        if (participant is not null)
        {
            var row = await request.ParticipantAsync(participant);
            request.Require(Capability.ViewAudit, row.SiteId);
            prefix = form is null ? null : $"{row.ScreeningNumber}/{form}";
        }
        else if (!request.Access.Assignments.Any(a => RolePermissions.Grants(a.Role, Capability.ViewAudit)))
        {
            request.Require(Capability.ViewAudit, null);
        }

        var visible = request.Access.VisibleSites;
        var records = (await request.Store.ReadAuditAsync(studyId, participant, prefix, item, cancellationToken))
            .Where(r => visible is null ? true : r.SiteId is not null && visible.Contains(r.SiteId) && request.Access.Can(Capability.ViewAudit, r.SiteId))
            .ToList();

        // Allocation records hold the arm: blinded readers see that it was allocated, not to what. No
        // hashes are returned at all: with two arms, hashing both candidates would reveal which one a
        // record (or any record chained after it) holds. `dermis audit verify` checks them server-side.
        var armVisible = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var number in records.Where(r => r.Entity == "allocation" && r.Participant is not null).Select(r => r.Participant!).Distinct())
        {
            var row = await request.Store.GetParticipantAsync(studyId, number, cancellationToken);
            armVisible[number] = row is not null && await Blinding.CanSeeArmAsync(request, row);
        }

        return records.Select(r =>
        {
            var blinded = r.Entity == "allocation" && !armVisible.GetValueOrDefault(r.Participant ?? "");
            return new AuditView(r.Sequence, r.AtUtc, r.Actor, r.Role, r.Source.ToString().ToLowerInvariant(), r.SiteId, r.Participant, r.Entity, r.EntityKey, r.Item, r.Action,
                blinded ? null : r.OldValue, blinded && r.Item is ("arm" or "diagnostic") && r.Action == "allocate" ? "(blinded)" : r.NewValue, r.Reason);
        }).ToList();
    }
}
