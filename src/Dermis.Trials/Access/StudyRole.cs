namespace Dermis.Trials.Access;

/// <summary>Roles a staff account holds in a study, at all sites or at named sites.</summary>
public enum StudyRole
{
    /// <summary>Sponsor administrator: sites, staff, protocol amendments, locks; sees every site.</summary>
    SponsorAdmin,

    /// <summary>Data manager: queries, freeze and lock; sees every site it is assigned.</summary>
    DataManager,

    /// <summary>Monitor (CRA): source verification and queries at its sites.</summary>
    Monitor,

    /// <summary>Principal or sub-investigator: data, participants, answers queries, signs.</summary>
    Investigator,

    /// <summary>Study coordinator: data, participants, answers queries.</summary>
    Coordinator,

    /// <summary>A participant, as a user of their own data: sees their own casebook only.</summary>
    Participant,
}

/// <summary>What a role may do (the access matrix of docs/api.md).</summary>
public enum Capability
{
    /// <summary>See participants and their data at the site.</summary>
    ViewParticipants,

    /// <summary>Screen participants, record consent and eligibility, change status, schedule visits.</summary>
    ManageParticipants,

    /// <summary>Enter and change eCRF data, mark forms complete.</summary>
    EnterData,

    /// <summary>Raise manual queries.</summary>
    RaiseQuery,

    /// <summary>Answer queries.</summary>
    AnswerQuery,

    /// <summary>Close and re-open queries.</summary>
    CloseQuery,

    /// <summary>Mark forms source-verified.</summary>
    SourceVerify,

    /// <summary>Sign visits and casebooks.</summary>
    Sign,

    /// <summary>Freeze, lock, unfreeze and unlock.</summary>
    Lock,

    /// <summary>Create sites, staff accounts and role assignments; amend the protocol.</summary>
    ManageStudy,

    /// <summary>Read the audit trail.</summary>
    ViewAudit,

    /// <summary>Randomise an enrolled participant (the arm itself stays hidden from blinded roles).</summary>
    Randomise,

    /// <summary>Emergency unblinding of one participant, with a reason.</summary>
    Unblind,
}

/// <summary>The role → capability matrix (docs/api.md).</summary>
public static class RolePermissions
{
    /// <summary>True when <paramref name="role"/> grants <paramref name="capability"/>.</summary>
    public static bool Grants(StudyRole role, Capability capability) => role switch
    {
        StudyRole.SponsorAdmin => capability is Capability.ManageStudy or Capability.ViewParticipants or Capability.ViewAudit or Capability.Lock,
        StudyRole.DataManager => capability is Capability.ViewParticipants or Capability.RaiseQuery or Capability.CloseQuery or Capability.Lock or Capability.ViewAudit,
        StudyRole.Monitor => capability is Capability.ViewParticipants or Capability.RaiseQuery or Capability.CloseQuery or Capability.SourceVerify or Capability.ViewAudit,
        StudyRole.Investigator => capability is Capability.ViewParticipants or Capability.ManageParticipants or Capability.EnterData or Capability.AnswerQuery or Capability.Sign
            or Capability.ViewAudit or Capability.Randomise or Capability.Unblind,
        StudyRole.Coordinator => capability is Capability.ViewParticipants or Capability.ManageParticipants or Capability.EnterData or Capability.AnswerQuery or Capability.Randomise,
        // A participant holds no staff capability: StudyAccess opens their own casebook to them.
        _ => false,
    };
}
