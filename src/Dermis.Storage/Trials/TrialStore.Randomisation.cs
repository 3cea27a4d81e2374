using Dermis.Trials.Randomisation;

namespace Dermis.Storage.Trials;

/// <summary>Allocations, the block in use per stratum, and unblindings.</summary>
public sealed partial class TrialStore
{
    /// <summary>
    /// Serialises randomisations of a study until commit (PostgreSQL row lock on the study; SQLite's
    /// write transaction already excludes other writers), so two participants randomised at once never
    /// take the same block position or see the same minimisation counts.
    /// </summary>
    public Task LockRandomisationAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<string>($"SELECT id FROM study WHERE id = @studyId{_database.ForUpdate}", new { studyId }, cancellationToken);

    /// <summary>The block in use in a stratum (empty before its first participant).</summary>
    public async Task<BlockState> GetBlockAsync(string studyId, string stratum, CancellationToken cancellationToken = default)
    {
        var row = await QueryFirstOrDefaultAsync<BlockRow>(
            "SELECT block AS Block, position AS Position, block_number AS BlockNumber FROM randomisation_block WHERE study_id = @studyId AND stratum = @stratum",
            new { studyId, stratum }, cancellationToken);
        return row is null ? BlockState.Empty : new BlockState(row.Block.Split(','), (int)row.Position, (int)row.BlockNumber);
    }

    /// <summary>Stores the block in use in a stratum.</summary>
    public Task SaveBlockAsync(string studyId, string stratum, BlockState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ExecuteAsync("""
            INSERT INTO randomisation_block (study_id, stratum, block, position, block_number) VALUES (@studyId, @stratum, @block, @position, @number)
            ON CONFLICT (study_id, stratum) DO UPDATE SET block = excluded.block, position = excluded.position, block_number = excluded.block_number
            """, new { studyId, stratum, block = string.Join(',', state.Block), position = state.Position, number = state.BlockNumber }, cancellationToken);
    }

    /// <summary>Allocations of the study, or of one site: the levels each was allocated on and its arm.</summary>
    public Task<List<AllocationRow>> ListAllocationsAsync(string studyId, string? siteId, CancellationToken cancellationToken = default) =>
        QueryAsync<AllocationRow>($"SELECT {AllocationColumns} FROM allocation WHERE study_id = @studyId" + (siteId is null ? "" : " AND site_id = @siteId"),
            new { studyId, siteId }, cancellationToken);

    /// <summary>The participant's allocation, or null.</summary>
    public Task<AllocationRow?> GetAllocationAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<AllocationRow>($"SELECT {AllocationColumns} FROM allocation WHERE participant_id = @participantId", new { participantId }, cancellationToken);

    /// <summary>Records an allocation.</summary>
    public Task AddAllocationAsync(AllocationRow allocation, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO allocation (participant_id, study_id, site_id, stratum, levels, arm, kit_number, method, diagnostic, allocated_at, allocated_by)
            VALUES (@ParticipantId, @StudyId, @SiteId, @Stratum, @Levels, @Arm, @KitNumber, @Method, @Diagnostic, @AllocatedAt, @AllocatedBy)
            """, allocation, cancellationToken);

    /// <summary>True when the kit number is already issued in the study.</summary>
    public async Task<bool> KitIssuedAsync(string studyId, string kitNumber, CancellationToken cancellationToken = default) =>
        await ExecuteScalarAsync<long>("SELECT count(*) FROM allocation WHERE study_id = @studyId AND kit_number = @kitNumber", new { studyId, kitNumber }, cancellationToken) > 0;

    /// <summary>Records an emergency unblinding.</summary>
    public Task AddUnblindingAsync(long participantId, string by, string? role, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO unblinding (participant_id, unblinded_by, role, reason, unblinded_at) VALUES (@participantId, @by, @role, @reason, @at)",
            new { participantId, by, role, reason, at = UtcText.Format(at) }, cancellationToken);

    /// <summary>True when the participant's allocation was unblinded.</summary>
    public async Task<bool> IsUnblindedAsync(long participantId, CancellationToken cancellationToken = default) =>
        await ExecuteScalarAsync<long>("SELECT count(*) FROM unblinding WHERE participant_id = @participantId", new { participantId }, cancellationToken) > 0;

    /// <summary>The participants of the study unblinded in an emergency (one read for a whole list).</summary>
    public async Task<HashSet<long>> ListUnblindedAsync(string studyId, CancellationToken cancellationToken = default) =>
        (await QueryAsync<long>("""
            SELECT DISTINCT u.participant_id FROM unblinding u JOIN participant p ON p.id = u.participant_id WHERE p.study_id = @studyId
            """, new { studyId }, cancellationToken)).ToHashSet();

    private const string AllocationColumns =
        "participant_id AS ParticipantId, study_id AS StudyId, site_id AS SiteId, stratum AS Stratum, levels AS Levels, arm AS Arm, kit_number AS KitNumber, method AS Method, " +
        "diagnostic AS Diagnostic, allocated_at AS AllocatedAt, allocated_by AS AllocatedBy";

    private sealed class BlockRow
    {
        public string Block { get; set; } = "";

        public long Position { get; set; }

        public long BlockNumber { get; set; }
    }
}

/// <summary>One participant's allocation.</summary>
public sealed class AllocationRow
{
    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Site.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Stratum key (blocks) or "all"/site (minimisation).</summary>
    public string Stratum { get; set; } = "";

    /// <summary>Factor levels it was allocated on, as JSON.</summary>
    public string Levels { get; set; } = "{}";

    /// <summary>The arm: never shown to a blinded role.</summary>
    public string Arm { get; set; } = "";

    /// <summary>The medication kit to dispense: random, unique in the study, and telling nothing about the arm.</summary>
    public string KitNumber { get; set; } = "";

    /// <summary><c>blocks</c> or <c>minimisation</c>.</summary>
    public string Method { get; set; } = "";

    /// <summary>How the arm was chosen (JSON: block position, counts, imbalance, probabilities, draws): never shown to a blinded role.</summary>
    public string Diagnostic { get; set; } = "{}";

    /// <summary>When (UTC text).</summary>
    public string AllocatedAt { get; set; } = "";

    /// <summary>Who randomised.</summary>
    public string AllocatedBy { get; set; } = "";
}
