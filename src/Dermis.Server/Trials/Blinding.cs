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
    public static async Task<bool> CanSeeArmAsync(TrialRequest request, ParticipantRow participant)
    {
        var settings = (await request.ProtocolAsync()).Definition.Randomisation;
        var staff = request.Access.Assignments.Where(a => a.Role != StudyRole.Participant && (a.SiteId is null || a.SiteId == participant.SiteId)).ToList();
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

        return await request.Store.IsUnblindedAsync(participant.Id);
    }
}
