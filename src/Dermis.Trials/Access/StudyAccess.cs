namespace Dermis.Trials.Access;

/// <summary>One role held in a study, at one site or (SiteId null) at all sites.</summary>
/// <param name="Role">The role.</param>
/// <param name="SiteId">The site, or null for every site of the study.</param>
/// <param name="Participant">For <see cref="StudyRole.Participant"/>: the screening number of the participant's own casebook.</param>
public sealed record RoleAssignment(StudyRole Role, string? SiteId, string? Participant = null);

/// <summary>
/// What one account may see and do in one study. Every read and write asks it: a site the caller
/// cannot see is answered as if it did not exist (HTTP 404), a capability it lacks on a site it can
/// see is refused (HTTP 403).
/// </summary>
public sealed class StudyAccess
{
    // Staff roles decide sites and capabilities; a participant's own assignment opens only their casebook.
    private readonly IReadOnlyList<RoleAssignment> _assignments;
    private readonly IReadOnlyList<RoleAssignment> _staff;

    /// <summary>Creates the access of an account with <paramref name="assignments"/> in <paramref name="studyId"/>.</summary>
    public StudyAccess(string studyId, string account, IReadOnlyList<RoleAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        StudyId = studyId;
        Account = account;
        _assignments = assignments;
        _staff = assignments.Where(a => a.Role != StudyRole.Participant).ToList();
    }

    /// <summary>The study.</summary>
    public string StudyId { get; }

    /// <summary>The account (user name).</summary>
    public string Account { get; }

    /// <summary>The role assignments.</summary>
    public IReadOnlyList<RoleAssignment> Assignments => _assignments;

    /// <summary>True when the account has any role in the study.</summary>
    public bool IsMember => _assignments.Count > 0;

    /// <summary>True when the account may see every participant of <paramref name="siteId"/> (a staff role there).</summary>
    public bool CanSee(string siteId) => _staff.Any(a => a.SiteId is null || a.SiteId == siteId);

    /// <summary>True when the account may see participant <paramref name="screeningNumber"/> of <paramref name="siteId"/>: staff of the site, or the participant themself.</summary>
    public bool CanSeeParticipant(string siteId, string screeningNumber) =>
        CanSee(siteId) || _assignments.Any(a => a.Role == StudyRole.Participant && a.SiteId == siteId && a.Participant == screeningNumber);

    /// <summary>True when some staff role of the account at <paramref name="siteId"/> grants <paramref name="capability"/>.</summary>
    public bool Can(Capability capability, string siteId) =>
        _staff.Any(a => (a.SiteId is null || a.SiteId == siteId) && RolePermissions.Grants(a.Role, capability));

    /// <summary>True when a study-wide role grants <paramref name="capability"/>.</summary>
    public bool CanStudyWide(Capability capability) =>
        _staff.Any(a => a.SiteId is null && RolePermissions.Grants(a.Role, capability));

    /// <summary>The role used for <paramref name="capability"/> at <paramref name="siteId"/>, as the audit trail records it.</summary>
    public StudyRole? RoleFor(Capability capability, string? siteId) =>
        _staff.FirstOrDefault(a => (a.SiteId is null || a.SiteId == siteId) && RolePermissions.Grants(a.Role, capability))?.Role;

    /// <summary>Sites whose participants the account sees (staff roles), or null for all.</summary>
    public IReadOnlyList<string>? VisibleSites =>
        _staff.Any(a => a.SiteId is null) ? null : _staff.Select(a => a.SiteId!).Distinct().ToList();
}
