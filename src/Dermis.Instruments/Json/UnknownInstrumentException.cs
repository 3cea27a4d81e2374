namespace Dermis.Instruments.Json;

/// <summary>A score was asked of an instrument Dermis does not score; the message lists those it does.</summary>
public sealed class UnknownInstrumentException : Exception
{
    /// <summary>Creates the exception for <paramref name="instrument"/>.</summary>
    public UnknownInstrumentException(string instrument)
        : base($"'{instrument}' is not an instrument Dermis scores; allowed: {string.Join(", ", ScoreJson.Instruments)}")
    {
        Instrument = instrument;
    }

    /// <summary>The name that was asked for.</summary>
    public string Instrument { get; }
}
