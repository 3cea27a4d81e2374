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

    /// <summary>The account a valid (unexpired) token belongs to, with the token's expiry, or null.</summary>
    public Task<TokenAccountRow?> FindTokenAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<TokenAccountRow>(
            "SELECT a.id AS Id, a.username AS Username, a.display_name AS DisplayName, a.is_admin AS IsAdmin, t.expires_at AS ExpiresAt " +
            "FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = @tokenHash AND t.expires_at > @now",
            new { tokenHash, now = UtcText.Format(now) }, cancellationToken);

    /// <summary>The account's security stamp: every cookie carries it, and a new one ends every session issued before.</summary>
    public async Task<string?> GetSecurityStampAsync(long accountId, CancellationToken cancellationToken = default) =>
        await ExecuteScalarAsync<string?>("SELECT security_stamp FROM account WHERE id = @accountId", new { accountId }, cancellationToken);

    /// <summary>
    /// Ends every session of the account: a new security stamp (cookies issued before stop working)
    /// and every bearer token deleted. Returns how many tokens were deleted.
    /// </summary>
    public async Task<int> RevokeSessionsAsync(long accountId, string newStamp, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(newStamp);
        await ExecuteAsync("UPDATE account SET security_stamp = @newStamp WHERE id = @accountId", new { accountId, newStamp }, cancellationToken);
        return await ExecuteAsync("DELETE FROM api_token WHERE account_id = @accountId", new { accountId }, cancellationToken);
    }

    /// <summary>Deletes one bearer token (sign-out of an API client); false when it did not exist.</summary>
    public async Task<bool> RevokeTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM api_token WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken) == 1;

    /// <summary>Stores a new password hash for the account.</summary>
    public Task SetPasswordHashAsync(long accountId, string passwordHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE account SET password_hash = @passwordHash WHERE id = @accountId", new { accountId, passwordHash }, cancellationToken);

    /// <summary>Appends a sign-in attempt to the append-only sign-in log.</summary>
    public Task RecordSignInAsync(SignInEventRow attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return ExecuteAsync(
            "INSERT INTO sign_in_event (at_utc, username, account_id, channel, outcome, reason, ip) VALUES (@AtUtc, @Username, @AccountId, @Channel, @Outcome, @Reason, @Ip)",
            attempt, cancellationToken);
    }

    /// <summary>
    /// Sign-in attempts on accounts that hold a role in <paramref name="studyId"/>, and with
    /// <paramref name="includeUnknown"/> also those for user names no account has; oldest first, at
    /// or after <paramref name="from"/>, at most <paramref name="limit"/>.
    /// </summary>
    public Task<List<SignInEventRow>> ListSignInsAsync(string studyId, bool includeUnknown, DateTimeOffset from, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync<SignInEventRow>($"""
            SELECT id AS Id, at_utc AS AtUtc, username AS Username, account_id AS AccountId, channel AS Channel, outcome AS Outcome, reason AS Reason, ip AS Ip
            FROM sign_in_event
            WHERE at_utc >= @from AND (account_id IN (SELECT account_id FROM study_role WHERE study_id = @studyId){(includeUnknown ? " OR account_id IS NULL" : "")})
            ORDER BY id LIMIT @limit
            """, new { studyId, from = UtcText.Format(from), limit }, cancellationToken);

    /// <summary>Grants <paramref name="role"/> in <paramref name="studyId"/> at <paramref name="siteId"/> (null: all sites); a participant role names its casebook.</summary>
    public Task AddRoleAsync(string studyId, long accountId, StudyRole role, string? siteId, string? participant = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO study_role (study_id, account_id, role, site_id, participant) VALUES (@studyId, @accountId, @role, @siteId, @participant)",
            new { studyId, accountId, role = Names.Of(role), siteId, participant }, cancellationToken);

    /// <summary>The roles of an account in a study.</summary>
    public async Task<IReadOnlyList<RoleAssignment>> GetRolesAsync(long accountId, string studyId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<RoleRow>(
            "SELECT role AS Role, site_id AS SiteId, participant AS Participant FROM study_role WHERE account_id = @accountId AND study_id = @studyId", new { accountId, studyId }, cancellationToken);
        return rows.Select(r => new RoleAssignment(Names.Parse<StudyRole>(r.Role)!.Value, r.SiteId, r.Participant)).ToList();
    }

    private const string StudyAccessSql =
        "SELECT s.id AS Id, s.name AS Name, s.sponsor AS Sponsor, s.protocol_version AS ProtocolVersion, r.role AS Role, r.site_id AS SiteId, r.participant AS Participant " +
        "FROM study s LEFT JOIN study_role r ON r.study_id = s.id AND r.account_id = @accountId WHERE s.id = @studyId";

    /// <summary>The study and the account's roles in it, in one round trip; null when the study does not exist.</summary>
    public async Task<StudyAccessRow?> GetStudyAccessAsync(string studyId, long accountId, CancellationToken cancellationToken = default) =>
        ToStudyAccess(await QueryAsync<StudyRoleJoinRow>(StudyAccessSql, new { studyId, accountId }, cancellationToken));

    private static StudyAccessRow? ToStudyAccess(IReadOnlyList<StudyRoleJoinRow> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var study = new StudyRow { Id = rows[0].Id, Name = rows[0].Name, Sponsor = rows[0].Sponsor, ProtocolVersion = rows[0].ProtocolVersion };
        return new StudyAccessRow(study, rows.Where(r => r.Role is not null).Select(r => new RoleAssignment(Names.Parse<StudyRole>(r.Role)!.Value, r.SiteId, r.Participant)).ToList());
    }

    /// <summary>Staff of a study with their roles.</summary>
    public Task<List<StaffRoleRow>> ListStaffAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<StaffRoleRow>("""
            SELECT a.username AS Username, a.display_name AS DisplayName, r.role AS Role, r.site_id AS SiteId
            FROM study_role r JOIN account a ON a.id = r.account_id WHERE r.study_id = @studyId ORDER BY a.username, r.role, r.site_id
            """, new { studyId }, cancellationToken);

    private sealed class StudyRoleJoinRow
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string Sponsor { get; set; } = "";

        public string ProtocolVersion { get; set; } = "";

        public string? Role { get; set; }

        public string? SiteId { get; set; }

        public string? Participant { get; set; }
    }

    private sealed class RoleRow
    {
        public string Role { get; set; } = "";

        public string? SiteId { get; set; }

        public string? Participant { get; set; }
    }
}

/// <summary>The account behind a bearer token.</summary>
public sealed class TokenAccountRow
{
    /// <summary>Account key.</summary>
    public long Id { get; set; }

    /// <summary>Login name.</summary>
    public string Username { get; set; } = "";

    /// <summary>Printed name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>1 for an installation administrator.</summary>
    public long IsAdmin { get; set; }

    /// <summary>Token expiry (UTC text).</summary>
    public string ExpiresAt { get; set; } = "";
}

/// <summary>One sign-in attempt, as the append-only sign-in log keeps it.</summary>
public sealed class SignInEventRow
{
    /// <summary>Order of arrival.</summary>
    public long Id { get; set; }

    /// <summary>When (UTC text).</summary>
    public string AtUtc { get; set; } = "";

    /// <summary>The user name as typed (the account's, or one no account has).</summary>
    public string Username { get; set; } = "";

    /// <summary>The account, or null for a user name no account has.</summary>
    public long? AccountId { get; set; }

    /// <summary><c>api</c> (bearer token) or <c>web</c> (cookie).</summary>
    public string Channel { get; set; } = "";

    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>Why it failed: <c>unknownUser</c>, <c>wrongPassword</c> or <c>locked</c>; null on success.</summary>
    public string? Reason { get; set; }

    /// <summary>The client address as the server saw it, or null.</summary>
    public string? Ip { get; set; }
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
