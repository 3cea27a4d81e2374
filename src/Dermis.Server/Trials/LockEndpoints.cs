using Dermis.Server.Hosting;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Locking;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>Freeze and lock at study, site, participant, visit or form level; setting <c>open</c> lifts them.</summary>
internal static class LockEndpoints
{
    public sealed record LockRequest(string? Level, string? Target, string? State);

    public static IEndpointRouteBuilder MapLocks(this IEndpointRouteBuilder routes)
    {
        var study = routes.MapGroup("/api/studies/{studyId}/locks").WithTags("Freeze and lock");
        study.MapGet("", ListAsync).WithSummary("Freezes and locks in force.");
        study.MapPost("", SetAsync).WithSummary("Freeze (no data edits, queries go on), lock (nothing changes) or open a study, site, participant, visit or form.");
        return routes;
    }

    internal static async Task<IResult> ListAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var locks = await request.Store.ListLocksAsync(studyId);
        var visible = new List<LockRecord>();
        foreach (var l in locks)
        {
            if (await SiteOfAsync(request, l.Level, l.Target) is var site && (site is null ? request.Access.VisibleSites is null : request.Access.CanSee(site)))
            {
                visible.Add(l);
            }
        }

        return TypedResults.Ok(visible.Select(l => new { Level = Names.Of(l.Level), l.Target, State = Names.Of(l.State) }));
    }

    internal static async Task<IResult> SetAsync(string studyId, LockRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var level = Names.Parse<LockLevel>(body.Level);
        var state = Names.Parse<LockState>(body.State);
        var errors = new Fields();
        errors.Check("level", level is not null, $"'{body.Level}' is not a level; allowed: {string.Join(", ", Names.All<LockLevel>())}");
        errors.Check("state", state is not null, $"'{body.State}' is not a state; allowed: {string.Join(", ", Names.All<LockState>())}");
        errors.Check("target", level == LockLevel.Study ? string.IsNullOrEmpty(body.Target) : !string.IsNullOrEmpty(body.Target),
            level == LockLevel.Study ? "must be empty for the study level" : "is required: site id, screening number, 'participant/visitKey' or 'participant/visitKey/formId'");
        errors.ThrowIfAny("Invalid lock");

        var target = body.Target ?? "";
        var site = await SiteOfAsync(request, level!.Value, target);
        if (level != LockLevel.Study && (site is null || !request.Access.CanSee(site)))
        {
            throw new NotFoundException($"{Names.Of(level.Value)} '{target}' was not found in {studyId}.");
        }

        request.Require(Capability.Lock, site);
        var previous = await request.Store.SetLockAsync(studyId, level.Value, target, state!.Value, request.Actor, request.Now);
        request.Audit(new AuditEvent(site, level is LockLevel.Participant or LockLevel.Visit or LockLevel.Form ? target.Split('/')[0] : null,
            "lock", $"{Names.Of(level.Value)}:{target}", null, Names.Of(state.Value), Names.Of(previous), Names.Of(state.Value), null));
        await request.CommitAsync(Capability.Lock, site);
        return TypedResults.Ok(new { Level = Names.Of(level.Value), Target = target, State = Names.Of(state.Value), Previous = Names.Of(previous) });
    }

    /// <summary>The site a lock target belongs to (null for the study); null too when the target does not exist.</summary>
    private static async Task<string?> SiteOfAsync(TrialRequest request, LockLevel level, string target)
    {
        switch (level)
        {
            case LockLevel.Study:
                return null;
            case LockLevel.Site:
                return await request.Store.GetSiteAsync(request.Study.Id, target) is { } s ? s.Id : null;
            default:
                var parts = target.Split('/');
                var participant = await request.Store.GetParticipantAsync(request.Study.Id, parts[0]);
                if (participant is null || (level != LockLevel.Participant && (parts.Length < 2 || !long.TryParse(parts[1], out var visit) ||
                    await request.Store.GetVisitAsync(participant.Id, visit) is null)) || (level == LockLevel.Form && parts.Length != 3))
                {
                    return null;
                }

                return participant.SiteId;
        }
    }
}
