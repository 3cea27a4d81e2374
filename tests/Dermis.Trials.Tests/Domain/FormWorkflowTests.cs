using Dermis.Trials.Forms;
using Dermis.Trials.Workflow;

namespace Dermis.Trials.Tests.Domain;

public sealed class FormWorkflowTests
{
    // Every cell of 5 statuses × 4 actions; null = refused.
    public static TheoryData<FormStatus, FormAction, FormStatus?> Table => new()
    {
        { FormStatus.NotStarted, FormAction.Save, FormStatus.InProgress },
        { FormStatus.NotStarted, FormAction.Complete, null },
        { FormStatus.NotStarted, FormAction.SourceVerify, null },
        { FormStatus.NotStarted, FormAction.Sign, null },
        { FormStatus.InProgress, FormAction.Save, FormStatus.InProgress },
        { FormStatus.InProgress, FormAction.Complete, FormStatus.Complete },
        { FormStatus.InProgress, FormAction.SourceVerify, null },
        { FormStatus.InProgress, FormAction.Sign, null },
        { FormStatus.Complete, FormAction.Save, FormStatus.Complete },
        { FormStatus.Complete, FormAction.Complete, null },
        { FormStatus.Complete, FormAction.SourceVerify, FormStatus.SourceVerified },
        { FormStatus.Complete, FormAction.Sign, FormStatus.Signed },
        // Saving verified or signed data sends it back to complete.
        { FormStatus.SourceVerified, FormAction.Save, FormStatus.Complete },
        { FormStatus.SourceVerified, FormAction.Complete, null },
        { FormStatus.SourceVerified, FormAction.SourceVerify, null },
        { FormStatus.SourceVerified, FormAction.Sign, FormStatus.Signed },
        { FormStatus.Signed, FormAction.Save, FormStatus.Complete },
        { FormStatus.Signed, FormAction.Complete, null },
        { FormStatus.Signed, FormAction.SourceVerify, null },
        { FormStatus.Signed, FormAction.Sign, FormStatus.Signed },
    };

    [Fact]
    public void Table_covers_all_20_cells_once()
    {
        var cells = Table.Select(row => ((FormStatus)row[0], (FormAction)row[1])).ToList();

        Assert.Equal(20, cells.Count);
        Assert.Equal(20, cells.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Apply_follows_transition_table(FormStatus from, FormAction action, FormStatus? expected)
    {
        if (expected is { } next)
        {
            Assert.Equal(next, FormWorkflow.Apply("DE01-0003/12/easi", from, action));
        }
        else
        {
            var ex = Assert.Throws<TransitionException>(() => FormWorkflow.Apply("DE01-0003/12/easi", from, action));
            Assert.Equal(("form DE01-0003/12/easi", Names.Of(from), Names.Of(action)), (ex.Subject, ex.From, ex.Action));
        }
    }

    [Theory]
    [InlineData(FormStatus.NotStarted, FormAction.Complete, "form DE01-0003/12/easi is notStarted: 'complete' is not allowed; allowed: save")]
    [InlineData(FormStatus.NotStarted, FormAction.Sign, "form DE01-0003/12/easi is notStarted: 'sign' is not allowed; allowed: save")]
    [InlineData(FormStatus.InProgress, FormAction.SourceVerify, "form DE01-0003/12/easi is inProgress: 'sourceVerify' is not allowed; allowed: save, complete")]
    [InlineData(FormStatus.Complete, FormAction.Complete, "form DE01-0003/12/easi is complete: 'complete' is not allowed; allowed: save, sourceVerify, sign")]
    [InlineData(FormStatus.SourceVerified, FormAction.SourceVerify, "form DE01-0003/12/easi is sourceVerified: 'sourceVerify' is not allowed; allowed: save, sign")]
    [InlineData(FormStatus.Signed, FormAction.Complete, "form DE01-0003/12/easi is signed: 'complete' is not allowed; allowed: save, sign")]
    public void Apply_refused_action_names_state_action_and_allowed(FormStatus from, FormAction action, string expected)
    {
        var ex = Assert.Throws<TransitionException>(() => FormWorkflow.Apply("DE01-0003/12/easi", from, action));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Allowed_lists_actions_per_status()
    {
        Assert.Equal([FormAction.Save], FormWorkflow.Allowed(FormStatus.NotStarted));
        Assert.Equal([FormAction.Save, FormAction.Complete], FormWorkflow.Allowed(FormStatus.InProgress));
        Assert.Equal([FormAction.Save, FormAction.SourceVerify, FormAction.Sign], FormWorkflow.Allowed(FormStatus.Complete));
        Assert.Equal([FormAction.Save, FormAction.Sign], FormWorkflow.Allowed(FormStatus.SourceVerified));
        Assert.Equal([FormAction.Save, FormAction.Sign], FormWorkflow.Allowed(FormStatus.Signed));
    }

    [Theory]
    [InlineData(FormStatus.NotStarted, false)]
    [InlineData(FormStatus.InProgress, false)]
    [InlineData(FormStatus.Complete, true)]
    [InlineData(FormStatus.SourceVerified, true)]
    [InlineData(FormStatus.Signed, true)]
    public void ChangeNeedsReason_from_complete_onwards(FormStatus status, bool expected) =>
        Assert.Equal(expected, FormWorkflow.ChangeNeedsReason(status));

    [Fact]
    public void Apply_save_after_sign_needs_new_verification_and_signature()
    {
        var status = FormStatus.NotStarted;
        foreach (var action in new[] { FormAction.Save, FormAction.Complete, FormAction.SourceVerify, FormAction.Sign, FormAction.Save })
        {
            status = FormWorkflow.Apply("f", status, action);
        }

        // Signed + save → complete, so verify is allowed again.
        Assert.Equal(FormStatus.Complete, status);
        Assert.Equal(FormStatus.SourceVerified, FormWorkflow.Apply("f", status, FormAction.SourceVerify));
    }
}
