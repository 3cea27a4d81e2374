namespace Dermis.Server.Hosting;

/// <summary>
/// Stable <c>type</c> URIs of the ProblemDetails Dermis returns (RFC 9457 §3.1.1). Clients branch
/// on these, never on the human-readable <c>detail</c>.
/// </summary>
public static class ProblemTypes
{
    /// <summary>The database cannot be reached (HTTP 503).</summary>
    public const string DatabaseUnavailable = "urn:dermis:problem:database-unavailable";

    /// <summary>The request body is not valid JSON (HTTP 400).</summary>
    public const string MalformedJson = "urn:dermis:problem:malformed-json";

    /// <summary>A score input with a value the instrument does not allow (HTTP 400); <c>errors</c> names each field.</summary>
    public const string InvalidScoreInput = "urn:dermis:problem:invalid-score-input";

    /// <summary>An instrument Dermis does not score (HTTP 404).</summary>
    public const string UnknownInstrument = "urn:dermis:problem:unknown-instrument";
}
