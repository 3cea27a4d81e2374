namespace Dermis.Trials.Workflow;

/// <summary>
/// An action that the current state does not allow. Names the state, the action and the actions
/// that are allowed, so the caller can tell the user what to do instead (HTTP 409).
/// </summary>
public sealed class TransitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransitionException(string subject, string from, string action, IEnumerable<string> allowed)
        : base($"{subject} is {from}: '{action}' is not allowed; allowed: {FormatAllowed(allowed)}")
    {
        Subject = subject;
        From = from;
        Action = action;
    }

    /// <summary>What was acted on (e.g. "participant DE01-0003").</summary>
    public string Subject { get; }

    /// <summary>The state it is in.</summary>
    public string From { get; }

    /// <summary>The refused action.</summary>
    public string Action { get; }

    private static string FormatAllowed(IEnumerable<string> allowed)
    {
        var list = allowed.ToList();
        return list.Count == 0 ? "none (final state)" : string.Join(", ", list);
    }
}
