using Dermis.Trials.Workflow;

namespace Dermis.Trials.Tests.Domain;

public sealed class TransitionExceptionTests
{
    [Fact]
    public void Message_lists_allowed_actions_comma_separated()
    {
        var ex = new TransitionException("participant DE01-0003", "screened", "complete", ["screenFail", "enrol", "withdraw"]);

        Assert.Equal("participant DE01-0003 is screened: 'complete' is not allowed; allowed: screenFail, enrol, withdraw", ex.Message);
        Assert.Equal(("participant DE01-0003", "screened", "complete"), (ex.Subject, ex.From, ex.Action));
    }

    [Fact]
    public void Message_without_allowed_actions_says_final_state()
    {
        var ex = new TransitionException("query 3", "closed", "close", []);

        Assert.Equal("query 3 is closed: 'close' is not allowed; allowed: none (final state)", ex.Message);
    }
}
