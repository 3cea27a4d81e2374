namespace Dermis.Trials.Checks;

/// <summary>
/// An edit-check expression could not be parsed, bound to a protocol or evaluated; the message
/// names the problem, the character position and what was expected.
/// </summary>
public sealed class CheckExpressionException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="position"/>.</summary>
    /// <param name="message">What is wrong, including "at {position}".</param>
    /// <param name="position">0-based character index into the expression text.</param>
    public CheckExpressionException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>0-based character index into the expression text where the problem starts.</summary>
    public int Position { get; }
}
