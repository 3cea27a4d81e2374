using Dermis.Trials.Locking;
using Dermis.Trials.Workflow;

namespace Dermis.Storage.Trials;

/// <summary>Studies, protocol versions, sites and freeze/lock.</summary>
public sealed partial class TrialStore
{
    /// <summary>The study, or null.</summary>
    public Task<StudyRow?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<StudyRow>(
            "SELECT id AS Id, name AS Name, sponsor AS Sponsor, protocol_version AS ProtocolVersion FROM study WHERE id = @studyId", new { studyId }, cancellationToken);

    /// <summary>Studies in which the account has a role (all studies for an administrator).</summary>
    public Task<List<StudyRow>> ListStudiesAsync(long accountId, bool all, CancellationToken cancellationToken = default) =>
        QueryAsync<StudyRow>(all
            ? "SELECT id AS Id, name AS Name, sponsor AS Sponsor, protocol_version AS ProtocolVersion FROM study ORDER BY id"
            : "SELECT id AS Id, name AS Name, sponsor AS Sponsor, protocol_version AS ProtocolVersion FROM study WHERE id IN (SELECT study_id FROM study_role WHERE account_id = @accountId) ORDER BY id",
            new { accountId }, cancellationToken);

    /// <summary>Creates a study at its first protocol version.</summary>
    public async Task CreateStudyAsync(string studyId, string name, string sponsor, string version, string yaml, string sha256, string actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await GetStudyAsync(studyId, cancellationToken) is not null)
        {
            throw new DomainRuleException("study-exists", $"Study {studyId} exists already; an amendment is a new protocol version of it (POST /api/studies/{studyId}/protocol).");
        }

        await ExecuteAsync("INSERT INTO study (id, name, sponsor, protocol_version, created_at) VALUES (@studyId, @name, @sponsor, @version, @at)",
            new { studyId, name, sponsor, version, at = UtcText.Format(at) }, cancellationToken);
        await AddProtocolVersionAsync(studyId, version, yaml, sha256, actor, at, cancellationToken);
    }

    /// <summary>Stores a protocol version and makes it current.</summary>
    public async Task AddProtocolVersionAsync(string studyId, string version, string yaml, string sha256, string actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var exists = await ExecuteScalarAsync<long>("SELECT count(*) FROM protocol_version WHERE study_id = @studyId AND version = @version", new { studyId, version }, cancellationToken);
        if (exists > 0)
        {
            throw new DomainRuleException("protocol-version-exists", $"Protocol version {version} of {studyId} is already loaded; an amendment needs a new version.");
        }

        await ExecuteAsync("INSERT INTO protocol_version (study_id, version, yaml, sha256, loaded_at, loaded_by) VALUES (@studyId, @version, @yaml, @sha256, @at, @actor)",
            new { studyId, version, yaml, sha256, at = UtcText.Format(at), actor }, cancellationToken);
        await ExecuteAsync("UPDATE study SET protocol_version = @version WHERE id = @studyId", new { studyId, version }, cancellationToken);
    }

    /// <summary>The YAML of a protocol version, or null.</summary>
    public Task<string?> GetProtocolYamlAsync(string studyId, string version, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<string>("SELECT yaml FROM protocol_version WHERE study_id = @studyId AND version = @version", new { studyId, version }, cancellationToken);

    /// <summary>Adds a site.</summary>
    public async Task AddSiteAsync(SiteRow site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (await GetSiteAsync(site.StudyId, site.Id, cancellationToken) is not null)
        {
            throw new DomainRuleException("site-exists", $"Site {site.Id} exists already in {site.StudyId}.");
        }

        await ExecuteAsync("""
            INSERT INTO site (study_id, id, name, country, investigator, capacity, activation_date)
            VALUES (@StudyId, @Id, @Name, @Country, @Investigator, @Capacity, @ActivationDate)
            """, site, cancellationToken);
    }

    /// <summary>The site, or null.</summary>
    public Task<SiteRow?> GetSiteAsync(string studyId, string siteId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<SiteRow>($"SELECT {SiteColumns} FROM site WHERE study_id = @studyId AND id = @siteId", new { studyId, siteId }, cancellationToken);

    /// <summary>The study's sites, optionally only <paramref name="visible"/> ones.</summary>
    public async Task<List<SiteRow>> ListSitesAsync(string studyId, IReadOnlyList<string>? visible, CancellationToken cancellationToken = default)
    {
        var sites = await QueryAsync<SiteRow>($"SELECT {SiteColumns} FROM site WHERE study_id = @studyId ORDER BY id", new { studyId }, cancellationToken);
        return visible is null ? sites : sites.Where(s => visible.Contains(s.Id)).ToList();
    }

    /// <summary>Every freeze and lock of the study.</summary>
    public async Task<IReadOnlyList<LockRecord>> ListLocksAsync(string studyId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<LockRow>(
            "SELECT level AS Level, target AS Target, state AS State, set_by AS SetBy, set_at AS SetAt FROM freeze_lock WHERE study_id = @studyId", new { studyId }, cancellationToken);
        return rows.Select(ToLock).ToList();
    }

    private static LockRecord ToLock(LockRow row) => new(Names.Parse<LockLevel>(row.Level)!.Value, row.Target, Names.Parse<LockState>(row.State)!.Value);

    /// <summary>Sets (or, with <see cref="LockState.Open"/>, removes) a freeze or lock; returns the previous state.</summary>
    public async Task<LockState> SetLockAsync(string studyId, LockLevel level, string target, LockState state, string actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var previous = await QueryFirstOrDefaultAsync<string>(
            "SELECT state FROM freeze_lock WHERE study_id = @studyId AND level = @level AND target = @target", new { studyId, level = Names.Of(level), target }, cancellationToken);
        await ExecuteAsync("DELETE FROM freeze_lock WHERE study_id = @studyId AND level = @level AND target = @target", new { studyId, level = Names.Of(level), target }, cancellationToken);
        if (state != LockState.Open)
        {
            await ExecuteAsync("INSERT INTO freeze_lock (study_id, level, target, state, set_by, set_at) VALUES (@studyId, @level, @target, @state, @actor, @at)",
                new { studyId, level = Names.Of(level), target, state = Names.Of(state), actor, at = UtcText.Format(at) }, cancellationToken);
        }

        return previous is null ? LockState.Open : Names.Parse<LockState>(previous)!.Value;
    }

    private const string SiteColumns =
        "study_id AS StudyId, id AS Id, name AS Name, country AS Country, investigator AS Investigator, capacity AS Capacity, activation_date AS ActivationDate";
}
