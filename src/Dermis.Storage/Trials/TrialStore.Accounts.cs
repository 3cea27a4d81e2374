using Dermis.Trials.Access;
using Dermis.Trials.Workflow;

namespace Dermis.Storage.Trials;

/// <summary>Accounts, API tokens and study roles.</summary>
public sealed partial class TrialStore
{
    private const string AccountColumns = "id AS Id, username AS Username, display_name AS DisplayName, password_hash AS PasswordHash, is_admin AS IsAdmin";

    /// <summary>Creates an account; the user name must be new.</summary>
    public async Task<long> CreateAccountAsync(string username, string displayName, string passwordHash, bool isAdmin, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await FindAccountAsync(username, cancellationToken) is not null)
        {
            throw new DomainRuleException("username-taken", $"The user name '{username}' is already taken.");
        }

        return await ExecuteScalarAsync<long>(
            "INSERT INTO account (username, display_name, password_hash, is_admin, created_at) VALUES (@username, @displayName, @passwordHash, @admin, @at) RETURNING id",
            new { username, displayName, passwordHash, admin = isAdmin ? 1 : 0, at = UtcText.Format(at) }, cancellationToken);
    }

    /// <summary>The account named <paramref name="username"/>, or null.</summary>
    public Task<AccountRow?> FindAccountAsync(string username, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<AccountRow>($"SELECT {AccountColumns} FROM account WHERE username = @username", new { username }, cancellationToken);

    /// <summary>Records an API token (only its hash is stored).</summary>
    public Task AddTokenAsync(string tokenHash, long accountId, DateTimeOffset at, DateTimeOffset expires, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO api_token (token_hash, account_id, created_at, expires_at) VALUES (@tokenHash, @accountId, @at, @expires)",
            new { tokenHash, accountId, at = UtcText.Format(at), expires = UtcText.Format(expires) }, cancellationToken);

    /// <summary>The account a valid (unexpired) token belongs to, or null.</summary>
    public Task<AccountRow?> FindTokenAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<AccountRow>(
            $"SELECT {AccountColumns.Replace("id AS", "a.id AS", StringComparison.Ordinal)} FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = @tokenHash AND t.expires_at > @now",
            new { tokenHash, now = UtcText.Format(now) }, cancellationToken);

    /// <summary>Grants <paramref name="role"/> in <paramref name="studyId"/> at <paramref name="siteId"/> (null: all sites).</summary>
    public Task AddRoleAsync(string studyId, long accountId, StudyRole role, string? siteId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO study_role (study_id, account_id, role, site_id) VALUES (@studyId, @accountId, @role, @siteId)",
            new { studyId, accountId, role = Names.Of(role), siteId }, cancellationToken);

    /// <summary>The roles of an account in a study.</summary>
    public async Task<IReadOnlyList<RoleAssignment>> GetRolesAsync(long accountId, string studyId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<RoleRow>(
            "SELECT role AS Role, site_id AS SiteId FROM study_role WHERE account_id = @accountId AND study_id = @studyId", new { accountId, studyId }, cancellationToken);
        return rows.Select(r => new RoleAssignment(Names.Parse<StudyRole>(r.Role)!.Value, r.SiteId)).ToList();
    }

    /// <summary>Staff of a study with their roles.</summary>
    public Task<List<StaffRoleRow>> ListStaffAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<StaffRoleRow>("""
            SELECT a.username AS Username, a.display_name AS DisplayName, r.role AS Role, r.site_id AS SiteId
            FROM study_role r JOIN account a ON a.id = r.account_id WHERE r.study_id = @studyId ORDER BY a.username, r.role, r.site_id
            """, new { studyId }, cancellationToken);

    private sealed class RoleRow
    {
        public string Role { get; set; } = "";

        public string? SiteId { get; set; }
    }
}

/// <summary>A staff member's role in a study.</summary>
public sealed class StaffRoleRow
{
    /// <summary>Login name.</summary>
    public string Username { get; set; } = "";

    /// <summary>Printed name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Role name.</summary>
    public string Role { get; set; } = "";

    /// <summary>Site, or null for all sites.</summary>
    public string? SiteId { get; set; }
}
