using System.Collections.Concurrent;
using System.Security.Claims;

namespace Dermis.Server.Auth;

/// <summary>
/// Recently validated bearer tokens and accounts' security stamps, so that a busy client is not looked
/// up in the database on every request. An entry lives at most <see cref="Lifetime"/> (and a token
/// never beyond its expiry), which bounds how long a session revoked by another server process could
/// still be honoured; this process forgets an account's entries at once when it revokes them.
/// </summary>
internal sealed class TokenCache(TimeProvider time)
{
    /// <summary>How long a validated token or stamp is trusted without asking the database again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaximumEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, (string Stamp, DateTimeOffset Until)> _stamps = new();

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

    /// <summary>The account's security stamp as recently read, or null.</summary>
    public string? FindStamp(long accountId) =>
        _stamps.TryGetValue(accountId, out var entry) && entry.Until > time.GetUtcNow() ? entry.Stamp : null;

    public void AddStamp(long accountId, string stamp)
    {
        if (_stamps.Count >= MaximumEntries)
        {
            _stamps.Clear();
        }

        _stamps[accountId] = (stamp, time.GetUtcNow() + Lifetime);
    }

    /// <summary>Forgets one token (signed out).</summary>
    public void Forget(string tokenHash) => _entries.TryRemove(tokenHash, out _);

    /// <summary>Forgets every token and the stamp of an account whose sessions were revoked.</summary>
    public void ForgetAccount(long accountId)
    {
        _stamps.TryRemove(accountId, out _);
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Principal.Account() == accountId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
