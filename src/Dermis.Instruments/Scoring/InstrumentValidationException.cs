namespace Dermis.Instruments.Scoring;

/// <summary>
/// Input that a clinician or patient cannot have meant (a 0.5 EASI sign, area 7, a negative VAS).
/// Lists every rejected field with its allowed values; nothing is scored.
/// </summary>
public sealed class InstrumentValidationException : Exception
{
    /// <summary>Creates the exception for one or more rejected fields.</summary>
    public InstrumentValidationException(string instrument, IReadOnlyList<FieldError> errors)
        : base($"Invalid {instrument} input: " + string.Join("; ", errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Instrument = instrument;
        Errors = errors;
    }

    /// <summary>The instrument whose input was rejected.</summary>
    public string Instrument { get; }

    /// <summary>Every rejected field, in input order.</summary>
    public IReadOnlyList<FieldError> Errors { get; }
}
