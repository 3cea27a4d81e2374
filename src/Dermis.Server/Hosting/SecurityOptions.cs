using System.Globalization;

namespace Dermis.Server.Hosting;

/// <summary>
/// Sign-in, session and rate-limit settings (docs/security.md). The defaults follow OWASP ASVS 4.0.3
/// level 2: lockout after repeated failures (V2.2.1), idle and absolute session limits (V3.3.1, V3.3.2),
/// throttling of authentication and ingest (V11.1.4).
/// </summary>
public sealed record SecurityOptions
{
    /// <summary>Consecutive failed sign-ins that lock an account (1–100; default 5).</summary>
    public int FailedSignInsBeforeLock { get; init; } = 5;

    /// <summary>How long a locked account stays locked (1 minute – 24 hours; default 15 minutes).</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A web session ends after this long without a request (1 minute – 24 hours; default 30 minutes).</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A web session ends this long after sign-in, however active (at least the idle timeout, at most 7 days; default 12 hours).</summary>
    public TimeSpan SessionAbsoluteLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long a bearer token from <c>POST /api/auth/token</c> is valid (1 minute – 7 days; default 12 hours).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in requests per minute for one client address and user name (1–100 000; default 20).</summary>
    public int SignInsPerMinute { get; init; } = 20;

    /// <summary>Ingest requests per minute for one device serial (1–100 000; default 120: a backlog after a night offline arrives in a burst).</summary>
    public int DeviceUploadsPerMinute { get; init; } = 120;

    /// <summary>Checks every setting against its range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it, its value and the range.</exception>
    public void Validate()
    {
        Check(nameof(FailedSignInsBeforeLock), FailedSignInsBeforeLock, 1, 100);
        Check(nameof(LockoutDuration), LockoutDuration, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        Check(nameof(SessionIdleTimeout), SessionIdleTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        Check(nameof(SessionAbsoluteLifetime), SessionAbsoluteLifetime, SessionIdleTimeout, TimeSpan.FromDays(7));
        Check(nameof(TokenLifetime), TokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Check(nameof(SignInsPerMinute), SignInsPerMinute, 1, 100_000);
        Check(nameof(DeviceUploadsPerMinute), DeviceUploadsPerMinute, 1, 100_000);
    }

    private static void Check(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{field} is {value}; allowed {min} to {max}."), field);
        }
    }

    private static void Check(string field, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{field} is {value:c}; allowed {min:c} to {max:c}."), field);
        }
    }
}
