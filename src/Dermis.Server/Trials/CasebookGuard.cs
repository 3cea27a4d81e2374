using Dermis.Trials.Locking;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Trials;

/// <summary>Refuses changes under a freeze (data) or a lock (everything), whatever level it was set at.</summary>
internal static class CasebookGuard
{
    /// <summary>The effective freeze/lock state over the target (any of its arguments may be null to stop at a higher level).</summary>
    public static async Task<LockState> StateAsync(TrialRequest request, string? siteId, string? participant, long? visitRowId, string? formId)
    {
        var locks = await request.LocksAsync();
        return Locks.Effective(locks, siteId ?? "\0", participant ?? "\0", visitRowId ?? -1, formId ?? "\0");
    }

    /// <summary>Throws unless the target is open (or merely frozen when <paramref name="allowFrozen"/>, for queries and signatures).</summary>
    public static async Task RequireOpenAsync(TrialRequest request, string? siteId, string? participant, long? visitRowId, string? formId, bool allowFrozen = false)
    {
        var state = await StateAsync(request, siteId, participant, visitRowId, formId);
        var what = formId is not null ? $"form {formId}" : visitRowId is not null ? $"visit {visitRowId}" : participant is not null ? $"participant {participant}" : siteId is not null ? $"site {siteId}" : $"study {request.Study.Id}";
        if (state == LockState.Locked)
        {
            throw new DomainRuleException("locked", $"The data of {what} are locked: nothing can change. A data manager can unlock it.");
        }

        if (state == LockState.Frozen && !allowFrozen)
        {
            throw new DomainRuleException("frozen", $"The data of {what} are frozen: no data edits (queries go on). A data manager can unfreeze it.");
        }
    }
}
