namespace Dermis.Trials.Protocol;

/// <summary>
/// A protocol file is not valid YAML or breaks a rule of docs/protocol.md. <see cref="Errors"/>
/// holds every problem found, in file order; <see cref="Exception.Message"/> is the first,
/// formatted <c>&lt;source&gt;:&lt;line&gt;:&lt;col&gt;: &lt;reason&gt;</c>.
/// </summary>
public sealed class ProtocolException : Exception
{
    /// <summary>Creates the exception from at least one error.</summary>
    /// <param name="sourceName">File name or other label of the protocol text.</param>
    /// <param name="errors">The problems, first one first; must not be empty.</param>
    public ProtocolException(string sourceName, IReadOnlyList<ProtocolError> errors)
        : base(First(errors).Format(sourceName))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>File name or other label of the protocol text, as given to the parser.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the first error.</summary>
    public int Line => Errors[0].Line;

    /// <summary>1-based column of the first error.</summary>
    public int Column => Errors[0].Column;

    /// <summary>Every problem found, in file order (line, then column).</summary>
    public IReadOnlyList<ProtocolError> Errors { get; }

    /// <summary>Every error on its own line, formatted like <see cref="Exception.Message"/>.</summary>
    public string FormatAll() => string.Join('\n', Errors.Select(e => e.Format(SourceName)));

    private static ProtocolError First(IReadOnlyList<ProtocolError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count > 0 ? errors[0] : throw new ArgumentException("a protocol exception needs at least one error", nameof(errors));
    }
}
