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
    private DbTransaction _transaction;
    private bool _writing;
    private readonly List<(string StudyId, AuditEvent Change)> _pendingAudit = [];
    private bool _committed;
    private readonly Dictionary<(string Study, string Chain), ChainHeadRow?> _lockedHeads = [];
    private (FormRow Form, long Expected)? _formUpdate;
    private IDisposable? _writerTurn;

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
        var turn = write ? await database.EnterWriterAsync(cancellationToken) : null;
        DbConnection? connection = null;
        try
        {
            connection = await database.OpenConnectionAsync(cancellationToken);
            var transaction = write
                ? await database.BeginWriteTransactionAsync(connection, cancellationToken)
                : await database.BeginReadTransactionAsync(connection, cancellationToken);
            return new TrialStore(database, connection, transaction) { _writerTurn = turn, _writing = write };
        }
        catch
        {
            turn?.Dispose();
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// A unit of work that reads and decides first and writes at the end: on an engine with one
    /// writer at a time (SQLite) it starts as a read and takes the write lock only at
    /// <see cref="BeginWritingAsync"/>, so validation and scoring never hold up other writers;
    /// elsewhere it is a write transaction from the start.
    /// </summary>
    public static Task<TrialStore> BeginReadThenWriteAsync(DermisDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return BeginAsync(database, write: !database.SerializesWriters, cancellationToken);
    }

    /// <summary>True when this unit of work read before it took the write lock: what it read may have changed since.</summary>
    public bool ReadBeforeWriting { get; private set; }

    /// <summary>Ends the read phase of <see cref="BeginReadThenWriteAsync"/>: waits for the write lock. Re-read anything another writer may have changed.</summary>
    public async Task BeginWritingAsync(CancellationToken cancellationToken = default)
    {
        if (_writing)
        {
            return;
        }

        await _transaction.RollbackAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _writerTurn = await _database.EnterWriterAsync(cancellationToken);
        _transaction = await _database.BeginWriteTransactionAsync(_connection, cancellationToken);
        _writing = true;
        ReadBeforeWriting = true;
    }

    /// <summary>Queues an audit record; it is chained and written by <see cref="CommitAsync"/>.</summary>
    public void Audit(string studyId, AuditEvent change) => _pendingAudit.Add((studyId, change));

    /// <summary>
    /// Appends the queued audit records to their chains (per participant, per study) and commits
    /// everything. Each chain head is locked last, so only writers to the same casebook wait, and
    /// only for this final step.
    /// </summary>
    public async Task CommitAsync(string actor, string? role, AuditSource source, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var (study, chain) in _pendingAudit.Select(p => (p.StudyId, AuditChain.ChainOf(p.Change.Participant))).Distinct())
        {
            if (!_lockedHeads.TryGetValue((study, chain), out var head))
            {
                head = await QueryFirstOrDefaultAsync<ChainHeadRow>(
                    $"SELECT last_sequence AS LastSequence, last_hash AS LastHash FROM audit_chain WHERE study_id = @study AND chain = @chain{_database.ForUpdate}",
                    new { study, chain }, cancellationToken);
            }

            var (sequence, hash) = head is null ? (0L, AuditChain.GenesisHash) : (head.LastSequence, head.LastHash);
            var entries = new List<AuditEntry>();
            foreach (var (_, change) in _pendingAudit.Where(p => p.StudyId == study && AuditChain.ChainOf(p.Change.Participant) == chain))
            {
                var entry = AuditChain.Append(study, sequence, hash, change, actor, role, source, at);
                entries.Add(entry);
                (sequence, hash) = (entry.Sequence, entry.Hash);
            }

            var (sql, parameters) = await AuditInsertAsync(chain, entries, cancellationToken);
            sql.Append(head is null
                ? "INSERT INTO audit_chain (study_id, chain, last_sequence, last_hash) VALUES (@study, @chain, @sequence, @hash)"
                : "UPDATE audit_chain SET last_sequence = @sequence, last_hash = @hash WHERE study_id = @study AND chain = @chain");
            parameters.Add("study", study);
            parameters.Add("chain", chain);
            parameters.Add("sequence", sequence);
            parameters.Add("hash", hash);
            if (_formUpdate is { } update)
            {
                // The version-guarded form update rides in the same round trip; no row back means stale.
                sql.Append("; ").Append(FormUpdateSql).Append(" RETURNING row_version");
                AddFormUpdate(parameters, update.Form, update.Expected);
                _formUpdate = null;
                if (await ExecuteScalarAsync<long?>(sql.ToString(), parameters, cancellationToken) is null)
                {
                    throw new StaleRowException($"Form {update.Form.FormId} was changed while this save was in progress.");
                }
            }
            else
            {
                await ExecuteAsync(sql.ToString(), parameters, cancellationToken);
            }
        }

        if (_formUpdate is { } alone)
        {
            var parameters = new DynamicParameters();
            AddFormUpdate(parameters, alone.Form, alone.Expected);
            if (await ExecuteAsync(FormUpdateSql, parameters, cancellationToken) == 0)
            {
                throw new StaleRowException($"Form {alone.Form.FormId} was changed while this save was in progress.");
            }
        }

        await _transaction.CommitAsync(cancellationToken);
        _pendingAudit.Clear();
        _committed = true;
        _writerTurn?.Dispose();
    }

    private const string AuditInsertHead =
        "INSERT INTO audit (study_id, chain, sequence, site_id, participant, entity, entity_key, item, action, old_value, new_value, reason, actor, role, source, at_utc, previous_hash, hash) VALUES ";

    /// <summary>
    /// Appends <paramref name="entries"/>: on PostgreSQL it returns one multi-row INSERT for the caller's batch (one round
    /// trip); on SQLite, which runs in-process, it runs one prepared single-row INSERT per entry and returns an empty batch,
    /// because binding a parameter by name scans all of a statement's names: a multi-row INSERT's hundreds of names made
    /// that quadratic (6.6 % of the demo seed's CPU).
    /// </summary>
    private async Task<(System.Text.StringBuilder Sql, DynamicParameters Parameters)> AuditInsertAsync(string chain, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        if (_database.SerializesWriters)
        {
            await ExecuteAsync(
                AuditInsertHead + "(@StudyId, @Chain, @Sequence, @SiteId, @Participant, @Entity, @EntityKey, @Item, @Action, @OldValue, @NewValue, @Reason, @Actor, @Role, @Source, @AtUtc, @PreviousHash, @Hash)",
                entries.Select(e => new
                {
                    e.StudyId, Chain = chain, e.Sequence, e.SiteId, e.Participant, e.Entity, e.EntityKey, e.Item, e.Action, e.OldValue, e.NewValue, e.Reason,
                    e.Actor, e.Role, Source = e.Source.ToString(), AtUtc = UtcText.Format(e.AtUtc), e.PreviousHash, e.Hash,
                }).ToList(),
                cancellationToken);
            return (new System.Text.StringBuilder(), parameters);
        }

        var sql = new System.Text.StringBuilder(AuditInsertHead);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var n = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(index == 0 ? "" : ", ").Append(
                $"(@s{n}, @chain, @q{n}, @site{n}, @p{n}, @e{n}, @k{n}, @i{n}, @a{n}, @o{n}, @v{n}, @r{n}, @u{n}, @role{n}, @src{n}, @at{n}, @ph{n}, @h{n})");
            parameters.Add("s" + n, entry.StudyId);
            parameters.Add("q" + n, entry.Sequence);
            parameters.Add("site" + n, entry.SiteId);
            parameters.Add("p" + n, entry.Participant);
            parameters.Add("e" + n, entry.Entity);
            parameters.Add("k" + n, entry.EntityKey);
            parameters.Add("i" + n, entry.Item);
            parameters.Add("a" + n, entry.Action);
            parameters.Add("o" + n, entry.OldValue);
            parameters.Add("v" + n, entry.NewValue);
            parameters.Add("r" + n, entry.Reason);
            parameters.Add("u" + n, entry.Actor);
            parameters.Add("role" + n, entry.Role);
            parameters.Add("src" + n, entry.Source.ToString());
            parameters.Add("at" + n, UtcText.Format(entry.AtUtc));
            parameters.Add("ph" + n, entry.PreviousHash);
            parameters.Add("h" + n, entry.Hash);
        }

        sql.Append("; ");
        return (sql, parameters);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
        _writerTurn?.Dispose();
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
