namespace Dermis.Trials.Access;

/// <summary>One role held in a study, at one site or (SiteId null) at all sites.</summary>
/// <param name="Role">The role.</param>
/// <param name="SiteId">The site, or null for every site of the study.</param>
public sealed record RoleAssignment(StudyRole Role, string? SiteId);

/// <summary>
/// What one account may see and do in one study. Every read and write asks it: a site the caller
/// cannot see is answered as if it did not exist (HTTP 404), a capability it lacks on a site it can
/// see is refused (HTTP 403).
/// </summary>
public sealed class StudyAccess
{
    private readonly IReadOnlyList<RoleAssignment> _assignments;

    /// <summary>Creates the access of an account with <paramref name="assignments"/> in <paramref name="studyId"/>.</summary>
    public StudyAccess(string studyId, string account, IReadOnlyList<RoleAssignment> assignments)
    {
        StudyId = studyId;
        Account = account;
        _assignments = assignments;
    }

    /// <summary>The study.</summary>
    public string StudyId { get; }

    /// <summary>The account (user name).</summary>
    public string Account { get; }

    /// <summary>The role assignments.</summary>
    public IReadOnlyList<RoleAssignment> Assignments => _assignments;

    /// <summary>True when the account has any role in the study.</summary>
    public bool IsMember => _assignments.Count > 0;

    /// <summary>True when the account may see <paramref name="siteId"/>'s participants.</summary>
    public bool CanSee(string siteId) => _assignments.Any(a => a.SiteId is null || a.SiteId == siteId);

    /// <summary>True when some role of the account at <paramref name="siteId"/> grants <paramref name="capability"/>.</summary>
    public bool Can(Capability capability, string siteId) =>
        _assignments.Any(a => (a.SiteId is null || a.SiteId == siteId) && RolePermissions.Grants(a.Role, capability));

    /// <summary>True when a study-wide role grants <paramref name="capability"/>.</summary>
    public bool CanStudyWide(Capability capability) =>
        _assignments.Any(a => a.SiteId is null && RolePermissions.Grants(a.Role, capability));

    /// <summary>The role used for <paramref name="capability"/> at <paramref name="siteId"/>, as the audit trail records it.</summary>
    public StudyRole? RoleFor(Capability capability, string? siteId) =>
        _assignments.FirstOrDefault(a => (a.SiteId is null || a.SiteId == siteId) && RolePermissions.Grants(a.Role, capability))?.Role;

    /// <summary>Sites the account sees, or null for all.</summary>
    public IReadOnlyList<string>? VisibleSites =>
        _assignments.Any(a => a.SiteId is null) ? null : _assignments.Select(a => a.SiteId!).Distinct().ToList();
}
