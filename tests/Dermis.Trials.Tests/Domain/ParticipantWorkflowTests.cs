using Dermis.Trials.Participants;
using Dermis.Trials.Workflow;

namespace Dermis.Trials.Tests.Domain;

public sealed class ParticipantWorkflowTests
{
    // Every allowed transition (7 statuses × 6 actions = 42 cells; the 30 not listed are refused).
    public static TheoryData<ParticipantStatus, ParticipantAction, ParticipantStatus> Allowed => new()
    {
        { ParticipantStatus.Screened, ParticipantAction.ScreenFail, ParticipantStatus.ScreenFailed },
        { ParticipantStatus.Screened, ParticipantAction.Enrol, ParticipantStatus.Enrolled },
        { ParticipantStatus.Screened, ParticipantAction.Withdraw, ParticipantStatus.Withdrawn },
        { ParticipantStatus.Enrolled, ParticipantAction.Randomise, ParticipantStatus.Randomised },
        { ParticipantStatus.Enrolled, ParticipantAction.Complete, ParticipantStatus.Completed },
        { ParticipantStatus.Enrolled, ParticipantAction.Withdraw, ParticipantStatus.Withdrawn },
        { ParticipantStatus.Enrolled, ParticipantAction.MarkLostToFollowUp, ParticipantStatus.LostToFollowUp },
        { ParticipantStatus.Randomised, ParticipantAction.Complete, ParticipantStatus.Completed },
        { ParticipantStatus.Randomised, ParticipantAction.Withdraw, ParticipantStatus.Withdrawn },
        { ParticipantStatus.Randomised, ParticipantAction.MarkLostToFollowUp, ParticipantStatus.LostToFollowUp },
    };

    // Every refused cell with the exact "allowed:" list of its from-state.
    public static TheoryData<ParticipantStatus, ParticipantAction, string> Refused => new()
    {
        { ParticipantStatus.Screened, ParticipantAction.Randomise, "participant DE01-0003 is screened: 'randomise' is not allowed; allowed: screenFail, enrol, withdraw" },
        { ParticipantStatus.Screened, ParticipantAction.Complete, "participant DE01-0003 is screened: 'complete' is not allowed; allowed: screenFail, enrol, withdraw" },
        { ParticipantStatus.Screened, ParticipantAction.MarkLostToFollowUp, "participant DE01-0003 is screened: 'markLostToFollowUp' is not allowed; allowed: screenFail, enrol, withdraw" },
        { ParticipantStatus.Enrolled, ParticipantAction.ScreenFail, "participant DE01-0003 is enrolled: 'screenFail' is not allowed; allowed: randomise, complete, withdraw, markLostToFollowUp" },
        { ParticipantStatus.Enrolled, ParticipantAction.Enrol, "participant DE01-0003 is enrolled: 'enrol' is not allowed; allowed: randomise, complete, withdraw, markLostToFollowUp" },
        { ParticipantStatus.Randomised, ParticipantAction.ScreenFail, "participant DE01-0003 is randomised: 'screenFail' is not allowed; allowed: complete, withdraw, markLostToFollowUp" },
        { ParticipantStatus.Randomised, ParticipantAction.Enrol, "participant DE01-0003 is randomised: 'enrol' is not allowed; allowed: complete, withdraw, markLostToFollowUp" },
        { ParticipantStatus.Randomised, ParticipantAction.Randomise, "participant DE01-0003 is randomised: 'randomise' is not allowed; allowed: complete, withdraw, markLostToFollowUp" },
        { ParticipantStatus.ScreenFailed, ParticipantAction.ScreenFail, "participant DE01-0003 is screenFailed: 'screenFail' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.ScreenFailed, ParticipantAction.Enrol, "participant DE01-0003 is screenFailed: 'enrol' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.ScreenFailed, ParticipantAction.Randomise, "participant DE01-0003 is screenFailed: 'randomise' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.ScreenFailed, ParticipantAction.Complete, "participant DE01-0003 is screenFailed: 'complete' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.ScreenFailed, ParticipantAction.Withdraw, "participant DE01-0003 is screenFailed: 'withdraw' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.ScreenFailed, ParticipantAction.MarkLostToFollowUp, "participant DE01-0003 is screenFailed: 'markLostToFollowUp' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Completed, ParticipantAction.ScreenFail, "participant DE01-0003 is completed: 'screenFail' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Completed, ParticipantAction.Enrol, "participant DE01-0003 is completed: 'enrol' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Completed, ParticipantAction.Randomise, "participant DE01-0003 is completed: 'randomise' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Completed, ParticipantAction.Complete, "participant DE01-0003 is completed: 'complete' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Completed, ParticipantAction.Withdraw, "participant DE01-0003 is completed: 'withdraw' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Completed, ParticipantAction.MarkLostToFollowUp, "participant DE01-0003 is completed: 'markLostToFollowUp' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Withdrawn, ParticipantAction.ScreenFail, "participant DE01-0003 is withdrawn: 'screenFail' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Withdrawn, ParticipantAction.Enrol, "participant DE01-0003 is withdrawn: 'enrol' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Withdrawn, ParticipantAction.Randomise, "participant DE01-0003 is withdrawn: 'randomise' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Withdrawn, ParticipantAction.Complete, "participant DE01-0003 is withdrawn: 'complete' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Withdrawn, ParticipantAction.Withdraw, "participant DE01-0003 is withdrawn: 'withdraw' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.Withdrawn, ParticipantAction.MarkLostToFollowUp, "participant DE01-0003 is withdrawn: 'markLostToFollowUp' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.LostToFollowUp, ParticipantAction.ScreenFail, "participant DE01-0003 is lostToFollowUp: 'screenFail' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.LostToFollowUp, ParticipantAction.Enrol, "participant DE01-0003 is lostToFollowUp: 'enrol' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.LostToFollowUp, ParticipantAction.Randomise, "participant DE01-0003 is lostToFollowUp: 'randomise' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.LostToFollowUp, ParticipantAction.Complete, "participant DE01-0003 is lostToFollowUp: 'complete' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.LostToFollowUp, ParticipantAction.Withdraw, "participant DE01-0003 is lostToFollowUp: 'withdraw' is not allowed; allowed: none (final state)" },
        { ParticipantStatus.LostToFollowUp, ParticipantAction.MarkLostToFollowUp, "participant DE01-0003 is lostToFollowUp: 'markLostToFollowUp' is not allowed; allowed: none (final state)" },
    };

    [Fact]
    public void Tables_cover_all_42_cells_once()
    {
        var cells = Allowed.Select(row => ((ParticipantStatus)row[0], (ParticipantAction)row[1]))
            .Concat(Refused.Select(row => ((ParticipantStatus)row[0], (ParticipantAction)row[1])))
            .ToList();

        Assert.Equal(42, cells.Count);
        Assert.Equal(42, cells.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Apply_allowed_action_gives_next_status(ParticipantStatus from, ParticipantAction action, ParticipantStatus expected) =>
        Assert.Equal(expected, ParticipantWorkflow.Apply("DE01-0003", from, action));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Apply_refused_action_names_state_action_and_allowed(ParticipantStatus from, ParticipantAction action, string expected)
    {
        var ex = Assert.Throws<TransitionException>(() => ParticipantWorkflow.Apply("DE01-0003", from, action));

        Assert.Equal(expected, ex.Message);
        Assert.Equal("participant DE01-0003", ex.Subject);
        Assert.Equal(Names.Of(from), ex.From);
        Assert.Equal(Names.Of(action), ex.Action);
    }

    [Fact]
    public void Apply_complete_from_screened_gives_documented_message()
    {
        var ex = Assert.Throws<TransitionException>(() => ParticipantWorkflow.Apply("X", ParticipantStatus.Screened, ParticipantAction.Complete));

        Assert.Equal("participant X is screened: 'complete' is not allowed; allowed: screenFail, enrol, withdraw", ex.Message);
        Assert.Equal(("participant X", "screened", "complete"), (ex.Subject, ex.From, ex.Action));
    }

    [Fact]
    public void Allowed_lists_actions_per_status_in_declaration_order()
    {
        Assert.Equal([ParticipantAction.ScreenFail, ParticipantAction.Enrol, ParticipantAction.Withdraw], ParticipantWorkflow.Allowed(ParticipantStatus.Screened));
        Assert.Equal(
            [ParticipantAction.Randomise, ParticipantAction.Complete, ParticipantAction.Withdraw, ParticipantAction.MarkLostToFollowUp],
            ParticipantWorkflow.Allowed(ParticipantStatus.Enrolled));
        Assert.Equal([ParticipantAction.Complete, ParticipantAction.Withdraw, ParticipantAction.MarkLostToFollowUp], ParticipantWorkflow.Allowed(ParticipantStatus.Randomised));
        Assert.Empty(ParticipantWorkflow.Allowed(ParticipantStatus.ScreenFailed));
        Assert.Empty(ParticipantWorkflow.Allowed(ParticipantStatus.Completed));
        Assert.Empty(ParticipantWorkflow.Allowed(ParticipantStatus.Withdrawn));
        Assert.Empty(ParticipantWorkflow.Allowed(ParticipantStatus.LostToFollowUp));
    }

    [Theory]
    [InlineData(ParticipantAction.ScreenFail, true)]
    [InlineData(ParticipantAction.Enrol, false)]
    [InlineData(ParticipantAction.Randomise, false)]
    [InlineData(ParticipantAction.Complete, false)]
    [InlineData(ParticipantAction.Withdraw, true)]
    [InlineData(ParticipantAction.MarkLostToFollowUp, true)]
    public void RequiresReason_only_for_leaving_actions(ParticipantAction action, bool expected) =>
        Assert.Equal(expected, ParticipantWorkflow.RequiresReason(action));

    [Fact]
    public void Apply_screen_enrol_randomise_complete_walks_the_happy_path()
    {
        var status = ParticipantStatus.Screened;
        status = ParticipantWorkflow.Apply("DE01-0003", status, ParticipantAction.Enrol);
        status = ParticipantWorkflow.Apply("DE01-0003", status, ParticipantAction.Randomise);
        status = ParticipantWorkflow.Apply("DE01-0003", status, ParticipantAction.Complete);

        Assert.Equal(ParticipantStatus.Completed, status);
    }
}
