using Dermis.Trials.Workflow;

namespace Dermis.Trials.Queries;

/// <summary>States of a data query. Queries are never deleted; closing and re-opening leave a thread.</summary>
public enum QueryState
{
    /// <summary>Raised, waiting for the site.</summary>
    Open,

    /// <summary>The site answered (or corrected the data); waiting for the monitor or data manager.</summary>
    Answered,

    /// <summary>Resolved.</summary>
    Closed,
}

/// <summary>Where a query came from.</summary>
public enum QueryKind
{
    /// <summary>An edit check of the protocol fired on save or import.</summary>
    EditCheck,

    /// <summary>A value outside an item's soft range.</summary>
    SoftRange,

    /// <summary>Raised by a monitor or data manager.</summary>
    Manual,
}

/// <summary>What can be done to a query.</summary>
public enum QueryAction
{
    /// <summary>Site: reply (open → answered).</summary>
    Answer,

    /// <summary>Monitor / data manager: resolve (open or answered → closed).</summary>
    Close,

    /// <summary>Monitor / data manager: the answer does not resolve it (answered or closed → open).</summary>
    Reopen,
}

/// <summary>The query state machine (OpenClinica discrepancy notes / OC4 queries, simplified to three states).</summary>
public static class QueryWorkflow
{
    /// <summary>The state after <paramref name="action"/>.</summary>
    /// <exception cref="TransitionException">Not allowed from <paramref name="from"/>.</exception>
    public static QueryState Apply(long queryId, QueryState from, QueryAction action) =>
        Transitions.Apply($"query {queryId}", from, action, Next);

    /// <summary>Actions allowed from <paramref name="from"/>.</summary>
    public static IEnumerable<QueryAction> Allowed(QueryState from) =>
        Transitions.Allowed<QueryState, QueryAction>(from, Next);

    private static QueryState? Next(QueryState from, QueryAction action) => (from, action) switch
    {
        (QueryState.Open, QueryAction.Answer) => QueryState.Answered,
        (QueryState.Open or QueryState.Answered, QueryAction.Close) => QueryState.Closed,
        (QueryState.Answered or QueryState.Closed, QueryAction.Reopen) => QueryState.Open,
        _ => null,
    };
}
