using System.Data.Common;
using Dapper;
using Dermis.Storage.Database;
using Dermis.Trials.Audit;

namespace Dermis.Storage.Trials;

/// <summary>
/// One unit of work on trial data: a connection and a write transaction, the SQL for every trial
/// table, and the audit records of the changes, which <see cref="CommitAsync"/> appends to the
/// study's hash chain in the same transaction. Nothing is stored unless the whole unit commits.
/// </summary>
/// <remarks>Not thread-safe; one per request. Dispose without commit rolls back.</remarks>
public sealed partial class TrialStore : IAsyncDisposable
{
    private readonly DermisDatabase _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly List<(string StudyId, AuditEvent Change)> _pendingAudit = [];
    private bool _committed;

    private TrialStore(DermisDatabase database, DbConnection connection, DbTransaction transaction)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Opens a connection and starts a write transaction (<paramref name="write"/>) or a read-only one.</summary>
    public static async Task<TrialStore> BeginAsync(DermisDatabase database, bool write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = write
                ? await database.BeginWriteTransactionAsync(connection, cancellationToken)
                : await database.BeginReadTransactionAsync(connection, cancellationToken);
            return new TrialStore(database, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues an audit record; it is chained and written by <see cref="CommitAsync"/>.</summary>
    public void Audit(string studyId, AuditEvent change) => _pendingAudit.Add((studyId, change));

    /// <summary>
    /// Appends the queued audit records to their studies' chains and commits everything. The chain
    /// head is locked last, so concurrent units of work serialise only for this final step.
    /// </summary>
    public async Task CommitAsync(string actor, string? role, AuditSource source, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var study in _pendingAudit.Select(p => p.StudyId).Distinct(StringComparer.Ordinal))
        {
            var head = await QueryFirstOrDefaultAsync<ChainHeadRow>(
                $"SELECT last_sequence AS LastSequence, last_hash AS LastHash FROM audit_chain WHERE study_id = @study{_database.ForUpdate}", new { study }, cancellationToken);
            var (sequence, hash) = head is null ? (0L, AuditChain.GenesisHash) : (head.LastSequence, head.LastHash);
            foreach (var (_, change) in _pendingAudit.Where(p => p.StudyId == study))
            {
                var entry = AuditChain.Append(study, sequence, hash, change, actor, role, source, at);
                await ExecuteAsync("""
                    INSERT INTO audit (study_id, sequence, site_id, participant, entity, entity_key, item, action, old_value, new_value,
                                       reason, actor, role, source, at_utc, previous_hash, hash)
                    VALUES (@StudyId, @Sequence, @SiteId, @Participant, @Entity, @EntityKey, @Item, @Action, @OldValue, @NewValue,
                            @Reason, @Actor, @Role, @SourceName, @At, @PreviousHash, @Hash)
                    """,
                    new
                    {
                        entry.StudyId, entry.Sequence, entry.SiteId, entry.Participant, entry.Entity, entry.EntityKey, entry.Item, entry.Action,
                        entry.OldValue, entry.NewValue, entry.Reason, entry.Actor, entry.Role, SourceName = entry.Source.ToString(),
                        At = UtcText.Format(entry.AtUtc), entry.PreviousHash, entry.Hash,
                    },
                    cancellationToken);
                (sequence, hash) = (entry.Sequence, entry.Hash);
            }

            var updated = await ExecuteAsync(
                "UPDATE audit_chain SET last_sequence = @sequence, last_hash = @hash WHERE study_id = @study", new { study, sequence, hash }, cancellationToken);
            if (updated == 0)
            {
                await ExecuteAsync(
                    "INSERT INTO audit_chain (study_id, last_sequence, last_hash) VALUES (@study, @sequence, @hash)", new { study, sequence, hash }, cancellationToken);
            }
        }

        await _transaction.CommitAsync(cancellationToken);
        _pendingAudit.Clear();
        _committed = true;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed class ChainHeadRow
    {
        public long LastSequence { get; set; }

        public string LastHash { get; set; } = "";
    }

    // After commit the store goes on answering reads (the response body) outside any transaction.
    private DbTransaction? Transaction => _committed ? null : _transaction;

    private Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));

    private Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken))!;

    private Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));

    private async Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await _connection.QueryAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken))).AsList();
}
