using System.Collections.Concurrent;
using System.Security.Claims;

namespace Dermis.Server.Auth;

/// <summary>
/// Recently validated bearer tokens, so that a busy API client is not looked up in the database on
/// every request. An entry lives at most <see cref="Lifetime"/> and never beyond the token's expiry,
/// which bounds how long a revoked token could still be honoured.
/// </summary>
internal sealed class TokenCache(TimeProvider time)
{
    /// <summary>How long a validated token is trusted without asking the database again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaximumEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public ClaimsPrincipal? Find(string tokenHash) =>
        _entries.TryGetValue(tokenHash, out var entry) && entry.Until > time.GetUtcNow() ? entry.Principal : null;

    public void Add(string tokenHash, ClaimsPrincipal principal, DateTimeOffset tokenExpires)
    {
        if (_entries.Count >= MaximumEntries)
        {
            _entries.Clear();
        }

        var until = time.GetUtcNow() + Lifetime;
        _entries[tokenHash] = (principal, until < tokenExpires ? until : tokenExpires);
    }
}
