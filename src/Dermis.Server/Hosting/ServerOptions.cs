namespace Dermis.Server.Hosting;

/// <summary>How <c>dermis serve</c> runs the server.</summary>
public sealed record ServerOptions
{
    /// <summary>The address used when <c>--urls</c> is not given: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Semicolon-separated listen addresses, as Kestrel takes them.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Whether this process runs background work (night analysis); tests turn it off and run rounds themselves.</summary>
    public bool BackgroundJobs { get; init; } = true;

    /// <summary>Console log format.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Lockout, session lifetimes and rate limits (docs/security.md).</summary>
    public SecurityOptions Security { get; init; } = new();
}

/// <summary>Console log formats of the server.</summary>
public enum LogFormat
{
    /// <summary>One line per event, for people.</summary>
    Text,

    /// <summary>One JSON object per event with its structured properties, for log collectors.</summary>
    Json,
}
