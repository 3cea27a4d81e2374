namespace Dermis.Server.Hosting;

/// <summary>
/// Stable <c>type</c> URIs of the ProblemDetails Dermis returns (RFC 9457 §3.1.1). Clients branch
/// on these, never on the human-readable <c>detail</c>.
/// </summary>
public static class ProblemTypes
{
    /// <summary>The database cannot be reached (HTTP 503).</summary>
    public const string DatabaseUnavailable = "urn:dermis:problem:database-unavailable";
}
