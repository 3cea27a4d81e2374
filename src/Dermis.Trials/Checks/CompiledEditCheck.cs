using Dermis.Trials.Protocol;

namespace Dermis.Trials.Checks;

/// <summary>An edit check of a protocol with its condition parsed and bound, ready to run on every save.</summary>
/// <param name="Definition">The check as the protocol declares it.</param>
/// <param name="Condition">Its condition, bound to the protocol (<see cref="CheckExpression.IsBound"/>).</param>
public sealed record CompiledEditCheck(EditCheckDefinition Definition, CheckExpression Condition)
{
    /// <summary>
    /// Parses and binds the conditions of every edit check of <paramref name="protocol"/>, in protocol order.
    /// A protocol returned by <see cref="ProtocolParser"/> always compiles.
    /// </summary>
    /// <exception cref="CheckExpressionException">A condition does not parse or bind; the message starts with the check id.</exception>
    public static IReadOnlyList<CompiledEditCheck> Compile(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var compiled = new CompiledEditCheck[protocol.EditChecks.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var check = protocol.EditChecks[i];
            try
            {
                compiled[i] = new CompiledEditCheck(check, CheckExpression.Parse(check.Condition).Bind(protocol));
            }
            catch (CheckExpressionException ex)
            {
                throw new CheckExpressionException($"edit check '{check.Id}': {ex.Message}", ex.Position);
            }
        }

        return compiled;
    }

    /// <summary>True when the query should open: the condition is true (not false, not null).</summary>
    /// <param name="resolve">Returns the value of each reference at the participant's visit being checked, or <see cref="CheckValue.Null"/>.</param>
    public bool Fires(Func<ItemReference, CheckValue> resolve) => Condition.Holds(resolve);
}
