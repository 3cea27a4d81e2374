using Dermis.Trials.Audit;

namespace Dermis.Storage.Trials;

/// <summary>Reading and verifying the audit trail.</summary>
public sealed partial class TrialStore
{
    /// <summary>Audit records of a study in chain order, optionally of one participant, entity key prefix or item.</summary>
    public async Task<List<AuditEntry>> ReadAuditAsync(string studyId, string? participant, string? entityKeyPrefix, string? item, CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT {AuditColumns} FROM audit WHERE study_id = @studyId"
            + (participant is null ? "" : " AND participant = @participant")
            + (item is null ? "" : " AND item = @item")
            + " ORDER BY at_utc, chain, sequence";
        var rows = await QueryAsync<AuditRow>(sql, new { studyId, participant, item }, cancellationToken);
        return rows.Where(r => entityKeyPrefix is null || r.EntityKey.StartsWith(entityKeyPrefix, StringComparison.Ordinal)).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>Verifies every chain of every study: each record's hash, each link, and the chain head.</summary>
    public async Task<IReadOnlyList<AuditVerification>> VerifyAuditAsync(CancellationToken cancellationToken = default)
    {
        var chains = await QueryAsync<ChainKeyRow>(
            "SELECT study_id AS StudyId, chain AS Chain FROM audit_chain UNION SELECT DISTINCT study_id, chain FROM audit ORDER BY 1, 2", null, cancellationToken);
        var results = new List<AuditVerification>();
        foreach (var key in chains)
        {
            var head = await QueryFirstOrDefaultAsync<ChainHeadRow>(
                "SELECT last_sequence AS LastSequence, last_hash AS LastHash FROM audit_chain WHERE study_id = @StudyId AND chain = @Chain", key, cancellationToken);
            var records = await QueryAsync<AuditRow>($"SELECT {AuditColumns} FROM audit WHERE study_id = @StudyId AND chain = @Chain ORDER BY sequence, hash", key, cancellationToken);
            results.Add(AuditChain.Verify(key.StudyId, records.Select(r => r.ToEntry()), head?.LastSequence ?? 0, head?.LastHash ?? AuditChain.GenesisHash, key.Chain));
        }

        return results;
    }

    private sealed class ChainKeyRow
    {
        public string StudyId { get; set; } = "";

        public string Chain { get; set; } = "";
    }

    private const string AuditColumns = """
        study_id AS StudyId, sequence AS Sequence, site_id AS SiteId, participant AS Participant, entity AS Entity, entity_key AS EntityKey, item AS Item,
        action AS Action, old_value AS OldValue, new_value AS NewValue, reason AS Reason, actor AS Actor, role AS Role, source AS Source, at_utc AS AtUtc,
        previous_hash AS PreviousHash, hash AS Hash
        """;

    private sealed class AuditRow
    {
        public string StudyId { get; set; } = "";

        public long Sequence { get; set; }

        public string? SiteId { get; set; }

        public string? Participant { get; set; }

        public string Entity { get; set; } = "";

        public string EntityKey { get; set; } = "";

        public string? Item { get; set; }

        public string Action { get; set; } = "";

        public string? OldValue { get; set; }

        public string? NewValue { get; set; }

        public string? Reason { get; set; }

        public string Actor { get; set; } = "";

        public string? Role { get; set; }

        public string Source { get; set; } = "";

        public string AtUtc { get; set; } = "";

        public string PreviousHash { get; set; } = "";

        public string Hash { get; set; } = "";

        public AuditEntry ToEntry() => new(Sequence, StudyId, SiteId, Participant, Entity, EntityKey, Item, Action, OldValue, NewValue, Reason, Actor, Role,
            Enum.TryParse<AuditSource>(Source, out var source) ? source : AuditSource.System, UtcText.Parse(AtUtc), PreviousHash, Hash);
    }
}
