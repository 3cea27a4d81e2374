using Dermis.Trials.Queries;
using Dermis.Trials.Workflow;

namespace Dermis.Trials.Tests.Domain;

public sealed class QueryWorkflowTests
{
    // Every cell of 3 states × 3 actions; null = refused.
    public static TheoryData<QueryState, QueryAction, QueryState?> Table => new()
    {
        { QueryState.Open, QueryAction.Answer, QueryState.Answered },
        { QueryState.Open, QueryAction.Close, QueryState.Closed },
        { QueryState.Open, QueryAction.Reopen, null },
        { QueryState.Answered, QueryAction.Answer, null },
        { QueryState.Answered, QueryAction.Close, QueryState.Closed },
        { QueryState.Answered, QueryAction.Reopen, QueryState.Open },
        { QueryState.Closed, QueryAction.Answer, null },
        { QueryState.Closed, QueryAction.Close, null },
        { QueryState.Closed, QueryAction.Reopen, QueryState.Open },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Apply_follows_transition_table(QueryState from, QueryAction action, QueryState? expected)
    {
        if (expected is { } next)
        {
            Assert.Equal(next, QueryWorkflow.Apply(7, from, action));
        }
        else
        {
            var ex = Assert.Throws<TransitionException>(() => QueryWorkflow.Apply(7, from, action));
            Assert.Equal(("query 7", Names.Of(from), Names.Of(action)), (ex.Subject, ex.From, ex.Action));
        }
    }

    [Theory]
    [InlineData(QueryState.Open, QueryAction.Reopen, "query 42 is open: 'reopen' is not allowed; allowed: answer, close")]
    [InlineData(QueryState.Answered, QueryAction.Answer, "query 42 is answered: 'answer' is not allowed; allowed: close, reopen")]
    [InlineData(QueryState.Closed, QueryAction.Answer, "query 42 is closed: 'answer' is not allowed; allowed: reopen")]
    [InlineData(QueryState.Closed, QueryAction.Close, "query 42 is closed: 'close' is not allowed; allowed: reopen")]
    public void Apply_refused_action_names_state_action_and_allowed(QueryState from, QueryAction action, string expected)
    {
        var ex = Assert.Throws<TransitionException>(() => QueryWorkflow.Apply(42, from, action));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Allowed_lists_actions_per_state()
    {
        Assert.Equal([QueryAction.Answer, QueryAction.Close], QueryWorkflow.Allowed(QueryState.Open));
        Assert.Equal([QueryAction.Close, QueryAction.Reopen], QueryWorkflow.Allowed(QueryState.Answered));
        Assert.Equal([QueryAction.Reopen], QueryWorkflow.Allowed(QueryState.Closed));
    }

    [Fact]
    public void Apply_answer_reopen_answer_close_leaves_query_closed()
    {
        var state = QueryState.Open;
        foreach (var action in new[] { QueryAction.Answer, QueryAction.Reopen, QueryAction.Answer, QueryAction.Close })
        {
            state = QueryWorkflow.Apply(1, state, action);
        }

        Assert.Equal(QueryState.Closed, state);
    }
}
