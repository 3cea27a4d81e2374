namespace Dermis.Instruments.Scoring;

/// <summary>One rejected input: the field as it is named in the score JSON, and why, with the allowed values.</summary>
/// <param name="Field">JSON path of the field, e.g. <c>regions.head.erythema</c> or <c>answers[6]</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record FieldError(string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
