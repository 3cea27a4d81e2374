namespace Dermis.Trials.Workflow;

/// <summary>The shared half of every status machine: apply a transition function, or say what is allowed instead.</summary>
public static class Transitions
{
    /// <summary>The state after <paramref name="action"/>, or a <see cref="TransitionException"/> naming the allowed actions.</summary>
    public static TState Apply<TState, TAction>(string subject, TState from, TAction action, Func<TState, TAction, TState?> next)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(next);
        return next(from, action) ?? throw new TransitionException(subject, Names.Of(from), Names.Of(action), Allowed(from, next).Select(Names.Of));
    }

    /// <summary>The actions <paramref name="next"/> allows from <paramref name="from"/>, in declaration order.</summary>
    public static IEnumerable<TAction> Allowed<TState, TAction>(TState from, Func<TState, TAction, TState?> next)
        where TState : struct, Enum
        where TAction : struct, Enum =>
        Enum.GetValues<TAction>().Where(action => next(from, action) is not null);
}
