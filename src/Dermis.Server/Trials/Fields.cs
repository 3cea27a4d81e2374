using System.Text.RegularExpressions;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;

namespace Dermis.Server.Trials;

/// <summary>Collects request-field errors so one 400 response names all of them.</summary>
internal sealed partial class Fields
{
    private readonly List<FieldError> _errors = [];

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void Check(string field, bool ok, string message)
    {
        if (!ok)
        {
            Add(field, message);
        }
    }

    public void Text(string field, string? value, int maxLength = 500) =>
        Check(field, !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength, $"is required: text of 1–{maxLength} characters");

    public void Identifier(string field, string? value) =>
        Check(field, value is not null && IdentifierPattern().IsMatch(value), "is required: 1–40 letters, digits, '-', '_' or '.', starting with a letter or digit");

    public void ThrowIfAny(string title)
    {
        if (_errors.Count > 0)
        {
            throw new BadInputException(title, _errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex IdentifierPattern();
}
