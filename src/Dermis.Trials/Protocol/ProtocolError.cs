namespace Dermis.Trials.Protocol;

/// <summary>One problem found in a protocol file.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column (characters).</param>
/// <param name="Message">What is wrong, naming the section, key, value and what is allowed.</param>
public readonly record struct ProtocolError(int Line, int Column, string Message)
{
    /// <summary>The error as compilers print it: <c>&lt;source&gt;:&lt;line&gt;:&lt;col&gt;: &lt;message&gt;</c>.</summary>
    public string Format(string sourceName) => $"{sourceName}:{Line}:{Column}: {Message}";
}
