using Dermis.Trials.Workflow;

namespace Dermis.Trials.Participants;

/// <summary>Where a participant stands in the study.</summary>
public enum ParticipantStatus
{
    /// <summary>Screening number given; consent and eligibility being collected.</summary>
    Screened,

    /// <summary>Not eligible or not consented; final.</summary>
    ScreenFailed,

    /// <summary>Consented and eligible; in the study, not yet randomised.</summary>
    Enrolled,

    /// <summary>Assigned to an arm (the randomisation module sets this).</summary>
    Randomised,

    /// <summary>Finished the schedule; final.</summary>
    Completed,

    /// <summary>Left the study (by choice or investigator decision); final.</summary>
    Withdrawn,

    /// <summary>No longer reachable; final.</summary>
    LostToFollowUp,
}

/// <summary>What can be done to a participant's status.</summary>
public enum ParticipantAction
{
    /// <summary>Screened → screen-failed (reason required).</summary>
    ScreenFail,

    /// <summary>Screened → enrolled (consent on the current document and all criteria met).</summary>
    Enrol,

    /// <summary>Enrolled → randomised.</summary>
    Randomise,

    /// <summary>Enrolled or randomised → completed.</summary>
    Complete,

    /// <summary>Screened, enrolled or randomised → withdrawn (reason required).</summary>
    Withdraw,

    /// <summary>Enrolled or randomised → lost to follow-up (reason required).</summary>
    MarkLostToFollowUp,
}

/// <summary>The participant status machine: one transition function, no other way to change status.</summary>
public static class ParticipantWorkflow
{
    /// <summary>The status after <paramref name="action"/>, or a <see cref="TransitionException"/> naming the allowed actions.</summary>
    public static ParticipantStatus Apply(string participant, ParticipantStatus from, ParticipantAction action) =>
        Transitions.Apply($"participant {participant}", from, action, Next);

    /// <summary>Actions allowed from <paramref name="from"/>.</summary>
    public static IEnumerable<ParticipantAction> Allowed(ParticipantStatus from) =>
        Transitions.Allowed<ParticipantStatus, ParticipantAction>(from, Next);

    /// <summary>True when the action needs a reason (recorded in the audit trail).</summary>
    public static bool RequiresReason(ParticipantAction action) =>
        action is ParticipantAction.ScreenFail or ParticipantAction.Withdraw or ParticipantAction.MarkLostToFollowUp;

    private static ParticipantStatus? Next(ParticipantStatus from, ParticipantAction action) => (from, action) switch
    {
        (ParticipantStatus.Screened, ParticipantAction.ScreenFail) => ParticipantStatus.ScreenFailed,
        (ParticipantStatus.Screened, ParticipantAction.Enrol) => ParticipantStatus.Enrolled,
        (ParticipantStatus.Screened, ParticipantAction.Withdraw) => ParticipantStatus.Withdrawn,
        (ParticipantStatus.Enrolled, ParticipantAction.Randomise) => ParticipantStatus.Randomised,
        (ParticipantStatus.Enrolled or ParticipantStatus.Randomised, ParticipantAction.Complete) => ParticipantStatus.Completed,
        (ParticipantStatus.Enrolled or ParticipantStatus.Randomised, ParticipantAction.Withdraw) => ParticipantStatus.Withdrawn,
        (ParticipantStatus.Enrolled or ParticipantStatus.Randomised, ParticipantAction.MarkLostToFollowUp) => ParticipantStatus.LostToFollowUp,
        _ => null,
    };
}
