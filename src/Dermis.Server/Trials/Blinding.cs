using Dermis.Storage.Trials;
using Dermis.Trials.Access;

namespace Dermis.Server.Trials;

/// <summary>
/// Who may learn a participant's arm: nobody in a blinded study except the roles the protocol
/// unblinds; after an emergency unblinding, the staff of that participant's site; once the whole
/// study is locked (database lock), the sponsor administrators and data managers. Every route that
/// could show an arm (casebook, randomisation, audit) asks here.
/// </summary>
internal static class Blinding
{
    public static async Task<bool> CanSeeArmAsync(TrialRequest request, ParticipantRow participant) =>
        await StaffRuleAsync(request, participant.SiteId) ?? await request.Store.IsUnblindedAsync(participant.Id);

    /// <summary>The same rule for a whole list: one read of the emergency unblindings instead of one per participant.</summary>
    public static async Task<Func<ParticipantRow, bool>> ArmVisibilityAsync(TrialRequest request)
    {
        HashSet<long>? unblinded = null;
        var bySite = new Dictionary<string, bool?>();
        foreach (var site in (await request.Store.ListSitesAsync(request.Study.Id, request.Access.VisibleSites)).Select(s => s.Id))
        {
            bySite[site] = await StaffRuleAsync(request, site);
            if (bySite[site] is null)
            {
                unblinded ??= await request.Store.ListUnblindedAsync(request.Study.Id);
            }
        }

        return participant => bySite.GetValueOrDefault(participant.SiteId) is { } decided ? decided : unblinded?.Contains(participant.Id) == true;
    }

    /// <summary>True or false when the caller's roles at the site decide; null when only an emergency unblinding of the participant can.</summary>
    private static async Task<bool?> StaffRuleAsync(TrialRequest request, string siteId)
    {
        var settings = (await request.ProtocolAsync()).Definition.Randomisation;
        var staff = request.Access.Assignments.Where(a => a.Role != StudyRole.Participant && (a.SiteId is null || a.SiteId == siteId)).ToList();
        if (staff.Count == 0)
        {
            return false;
        }

        if (!settings.Blinded || staff.Any(a => settings.UnblindedRoles.Contains(a.Role)))
        {
            return true;
        }

        // Sponsor unblinding at database lock: the data can no longer change.
        if (staff.Any(a => a.Role is StudyRole.SponsorAdmin or StudyRole.DataManager) &&
            (await request.LocksAsync()).Any(l => l.Level == Dermis.Trials.Locking.LockLevel.Study && l.State == Dermis.Trials.Locking.LockState.Locked))
        {
            return true;
        }

        return null;
    }
}
