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

    /// <summary>Malformed or out-of-range request fields (HTTP 400); <c>errors</c> names each field.</summary>
    public const string InvalidInput = "urn:dermis:problem:invalid-input";

    /// <summary>Not found, or not visible to the caller (HTTP 404).</summary>
    public const string NotFound = "urn:dermis:problem:not-found";

    /// <summary>The caller's role does not allow the action (HTTP 403).</summary>
    public const string Forbidden = "urn:dermis:problem:forbidden";

    /// <summary>Sign-in failed (HTTP 401).</summary>
    public const string Unauthenticated = "urn:dermis:problem:unauthenticated";

    /// <summary>
    /// Too many failed sign-ins locked the account (HTTP 401, so that it reads like any failed sign-in to
    /// a client that does not know this type); <c>retryAt</c> and the <c>Retry-After</c> header say when.
    /// </summary>
    public const string AccountLocked = "urn:dermis:problem:account-locked";

    /// <summary>Too many requests from one client for sign-in, or from one device for ingest (HTTP 429); <c>Retry-After</c> says when to try again.</summary>
    public const string RateLimited = "urn:dermis:problem:rate-limited";

    /// <summary>The action is not allowed in the record's state (HTTP 409); the detail lists the allowed actions.</summary>
    public const string TransitionNotAllowed = "urn:dermis:problem:transition-not-allowed";

    /// <summary>The save was based on an old version (HTTP 409); <c>changedItems</c> lists what changed since.</summary>
    public const string StaleWrite = "urn:dermis:problem:stale-write";

    /// <summary>The protocol file is invalid (HTTP 422); the detail names file, line and column.</summary>
    public const string InvalidProtocol = "urn:dermis:problem:invalid-protocol";

    /// <summary>A trial rule refused the request (HTTP 409), e.g. <c>urn:dermis:problem:consent-required</c>.</summary>
    public static string Rule(string code) => "urn:dermis:problem:" + code;

    /// <summary>A concurrent request stored the same record first (HTTP 409); nothing was stored.</summary>
    public const string Conflict = "urn:dermis:problem:conflict";
}
