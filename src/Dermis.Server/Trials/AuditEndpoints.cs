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

    private static async Task<IResult> ReadAsync(string studyId, string? participant, string? form, string? item, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
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
        var records = (await request.Store.ReadAuditAsync(studyId, participant, prefix, item, http.RequestAborted))
            .Where(r => visible is null ? true : r.SiteId is not null && visible.Contains(r.SiteId) && request.Access.Can(Capability.ViewAudit, r.SiteId))
            .ToList();

        // Allocation records hold the arm: blinded readers see that it was allocated, not to what. No
        // hashes are returned at all: with two arms, hashing both candidates would reveal which one a
        // record (or any record chained after it) holds. `dermis audit verify` checks them server-side.
        var armVisible = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var number in records.Where(r => r.Entity == "allocation" && r.Participant is not null).Select(r => r.Participant!).Distinct())
        {
            var row = await request.Store.GetParticipantAsync(studyId, number, http.RequestAborted);
            armVisible[number] = row is not null && await Blinding.CanSeeArmAsync(request, row);
        }

        return TypedResults.Ok(records.Select(r =>
        {
            var blinded = r.Entity == "allocation" && !armVisible.GetValueOrDefault(r.Participant ?? "");
            return new
            {
                r.Sequence, r.AtUtc, r.Actor, r.Role, Source = r.Source.ToString().ToLowerInvariant(), Site = r.SiteId, r.Participant, r.Entity, r.EntityKey, r.Item, r.Action,
                OldValue = blinded ? null : r.OldValue, NewValue = blinded && r.Item is ("arm" or "diagnostic") && r.Action == "allocate" ? "(blinded)" : r.NewValue, r.Reason,
            };
        }));
    }
}
