using System.Globalization;

namespace Dermis.Instruments.Scoring;

/// <summary>
/// Collects rejected fields while an input is checked, so that one response names all of them.
/// Allocates nothing until the first error, which keeps valid inputs on the fast path.
/// </summary>
internal struct InputErrors(string instrument)
{
    private List<FieldError>? _errors;

    public readonly bool Any => _errors is { Count: > 0 };

    public void Add(string field, string message) => (_errors ??= []).Add(new FieldError(field, message));

    /// <summary>Requires an integer in [min, max]; null is allowed only when <paramref name="nullable"/>.</summary>
    public void Integer(int? value, string field, int min, int max, bool nullable = false)
    {
        if (value is null)
        {
            if (!nullable)
            {
                Add(field, $"is required; allowed: integers {min}–{max}");
            }
        }
        else if (value < min || value > max)
        {
            Add(field, $"{value} is out of range; allowed: integers {min}–{max}");
        }
    }

    /// <summary>Requires a number in [min, max] (decimals allowed).</summary>
    public void Range(decimal? value, string field, decimal min, decimal max, bool nullable = false)
    {
        if (value is null)
        {
            if (!nullable)
            {
                Add(field, $"is required; allowed: {Format(min)} to {Format(max)}");
            }
        }
        else if (value < min || value > max)
        {
            Add(field, $"{Format(value.Value)} is out of range; allowed: {Format(min)} to {Format(max)}");
        }
    }

    public readonly void ThrowIfAny()
    {
        if (_errors is { Count: > 0 })
        {
            throw new InstrumentValidationException(instrument, _errors);
        }
    }

    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
