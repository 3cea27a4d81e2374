using Dapper;

namespace Dermis.Storage.Trials;

/// <summary>eCRF data, queries and signatures.</summary>
public sealed partial class TrialStore
{
    private const string FormColumns = """
        id AS Id, participant_id AS ParticipantId, visit_row_id AS VisitRowId, form_id AS FormId, protocol_version AS ProtocolVersion, status AS Status,
        data AS Data, derived AS Derived, instrument_version AS InstrumentVersion, row_version AS RowVersion, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    private const string QueryColumns = """
        q.id AS Id, q.study_id AS StudyId, q.site_id AS SiteId, q.participant_id AS ParticipantId, p.screening_number AS ScreeningNumber,
        q.form_data_id AS FormDataId, q.item AS Item, q.kind AS Kind, q.check_id AS CheckId, q.state AS State, q.text AS Text,
        q.opened_by AS OpenedBy, q.opened_at AS OpenedAt
        """;

    /// <summary>
    /// Everything a form save needs to decide, in one round trip: the study and the caller's roles
    /// in it, the participant, the visit, the form as stored, how many valid signatures cover the
    /// visit, and the study's freezes and locks.
    /// </summary>
    public async Task<FormContext> LoadFormContextAsync(string studyId, long accountId, string screeningNumber, long visitRowId, string formId, CancellationToken cancellationToken = default)
    {
        var sql = $"{StudyAccessSql}; SELECT {ParticipantColumns} FROM participant WHERE study_id = @studyId AND screening_number = @screeningNumber;" +
                  $" SELECT {VisitColumns} FROM visit WHERE id = @visitRowId AND participant_id = (SELECT id FROM participant WHERE study_id = @studyId AND screening_number = @screeningNumber);" +
                  $" SELECT {FormColumns} FROM form_data WHERE visit_row_id = @visitRowId AND form_id = @formId;" +
                  " SELECT count(*) FROM signature WHERE invalidated_at IS NULL AND (visit_row_id IS NULL OR visit_row_id = @visitRowId)" +
                  " AND participant_id = (SELECT id FROM participant WHERE study_id = @studyId AND screening_number = @screeningNumber);" +
                  " SELECT level AS Level, target AS Target, state AS State, set_by AS SetBy, set_at AS SetAt FROM freeze_lock WHERE study_id = @studyId;" +
                  $" SELECT {QueryColumns} FROM data_query q JOIN participant p ON p.id = q.participant_id" +
                  " WHERE q.form_data_id = (SELECT id FROM form_data WHERE visit_row_id = @visitRowId AND form_id = @formId) ORDER BY q.id";
        if (_writing)
        {
            // Already writing (PostgreSQL): lock the participant's audit chain head first. Saves to one
            // casebook queue here, each statement after it reads what the previous save committed
            // (READ COMMITTED), and the commit needs no extra round trip for the head.
            sql = $"SELECT last_sequence AS LastSequence, last_hash AS LastHash FROM audit_chain WHERE study_id = @studyId AND chain = @screeningNumber{_database.ForUpdate}; " + sql;
        }

        using var results = await _connection.QueryMultipleAsync(new CommandDefinition(
            sql, new { studyId, accountId, screeningNumber, visitRowId, formId }, Transaction, cancellationToken: cancellationToken));
        var head = _writing ? await results.ReadFirstOrDefaultAsync<ChainHeadRow>() : null;
        var access = ToStudyAccess((await results.ReadAsync<StudyRoleJoinRow>()).ToList());
        var participant = await results.ReadFirstOrDefaultAsync<ParticipantRow>();
        var visit = await results.ReadFirstOrDefaultAsync<VisitRow>();
        var form = await results.ReadFirstOrDefaultAsync<FormRow>();
        var signatures = await results.ReadFirstAsync<long>();
        var locks = (await results.ReadAsync<LockRow>()).Select(ToLock).ToList();
        var queries = (await results.ReadAsync<QueryRow>()).ToList();
        if (_writing && participant is not null)
        {
            _lockedHeads[(studyId, screeningNumber)] = head;
        }

        return new FormContext(access, participant, visit, form, signatures, locks, queries);
    }

    /// <summary>A form of a visit, or null when nothing was entered yet.</summary>
    public Task<FormRow?> GetFormAsync(long visitRowId, string formId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<FormRow>($"SELECT {FormColumns} FROM form_data WHERE visit_row_id = @visitRowId AND form_id = @formId", new { visitRowId, formId }, cancellationToken);

    /// <summary>Every form of a participant.</summary>
    public Task<List<FormRow>> ListFormsAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<FormRow>($"SELECT {FormColumns} FROM form_data WHERE participant_id = @participantId ORDER BY visit_row_id, form_id", new { participantId }, cancellationToken);

    /// <summary>Inserts a form at row version 1; returns its key.</summary>
    public async Task<long> InsertFormAsync(FormRow form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.RowVersion = 1;
        form.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO form_data (participant_id, visit_row_id, form_id, protocol_version, status, data, derived, instrument_version, row_version, updated_at, updated_by, created_at)
            VALUES (@ParticipantId, @VisitRowId, @FormId, @ProtocolVersion, @Status, @Data, @Derived, @InstrumentVersion, @RowVersion, @UpdatedAt, @UpdatedBy, @UpdatedAt) RETURNING id
            """, form, cancellationToken);
        return form.Id;
    }

    /// <summary>Saves a form if its stored row version is still <paramref name="expectedRowVersion"/>; bumps the version. False when stale.</summary>
    public async Task<bool> UpdateFormAsync(FormRow form, long expectedRowVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var updated = await ExecuteAsync("""
            UPDATE form_data SET status = @Status, data = @Data, derived = @Derived, instrument_version = @InstrumentVersion,
                   row_version = @expectedRowVersion + 1, updated_at = @UpdatedAt, updated_by = @UpdatedBy
            WHERE id = @Id AND row_version = @expectedRowVersion
            """, new { form.Status, form.Data, form.Derived, form.InstrumentVersion, expectedRowVersion, form.UpdatedAt, form.UpdatedBy, form.Id }, cancellationToken);
        if (updated == 1)
        {
            form.RowVersion = expectedRowVersion + 1;
        }

        return updated == 1;
    }

    /// <summary>
    /// Saves the form at commit, in the same round trip as the audit records, if its stored version
    /// is still <paramref name="expectedRowVersion"/>; its <see cref="FormRow.RowVersion"/> is the
    /// new one from now on. <see cref="CommitAsync"/> throws <see cref="StaleRowException"/> otherwise.
    /// </summary>
    public void UpdateFormAtCommit(FormRow form, long expectedRowVersion)
    {
        ArgumentNullException.ThrowIfNull(form);
        _formUpdate = (form, expectedRowVersion);
        form.RowVersion = expectedRowVersion + 1;
    }

    private const string FormUpdateSql =
        "UPDATE form_data SET status = @fStatus, data = @fData, derived = @fDerived, instrument_version = @fInstrumentVersion, " +
        "row_version = @fExpected + 1, updated_at = @fUpdatedAt, updated_by = @fUpdatedBy WHERE id = @fId AND row_version = @fExpected";

    private static void AddFormUpdate(DynamicParameters parameters, FormRow form, long expected)
    {
        parameters.Add("fStatus", form.Status);
        parameters.Add("fData", form.Data);
        parameters.Add("fDerived", form.Derived);
        parameters.Add("fInstrumentVersion", form.InstrumentVersion);
        parameters.Add("fExpected", expected);
        parameters.Add("fUpdatedAt", form.UpdatedAt);
        parameters.Add("fUpdatedBy", form.UpdatedBy);
        parameters.Add("fId", form.Id);
    }

    /// <summary>Opens a query with its first message; returns its key.</summary>
    public async Task<long> OpenQueryAsync(QueryRow query, string? role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO data_query (study_id, site_id, participant_id, form_data_id, item, kind, check_id, state, text, opened_by, opened_at)
            VALUES (@StudyId, @SiteId, @ParticipantId, @FormDataId, @Item, @Kind, @CheckId, @State, @Text, @OpenedBy, @OpenedAt) RETURNING id
            """, query, cancellationToken);
        await AddQueryMessageAsync(query.Id, "open", query.Text, query.OpenedBy, role, query.OpenedAt, cancellationToken);
        return query.Id;
    }

    /// <summary>Adds a message to a query thread.</summary>
    public Task AddQueryMessageAsync(long queryId, string action, string text, string author, string? role, string at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO query_message (query_id, action, text, author, role, at) VALUES (@queryId, @action, @text, @author, @role, @at)",
            new { queryId, action, text, author, role, at }, cancellationToken);

    /// <summary>Sets a query's state.</summary>
    public Task SetQueryStateAsync(long queryId, string state, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE data_query SET state = @state WHERE id = @queryId", new { queryId, state }, cancellationToken);

    /// <summary>A query of the study, or null.</summary>
    public Task<QueryRow?> GetQueryAsync(string studyId, long queryId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<QueryRow>($"SELECT {QueryColumns} FROM data_query q JOIN participant p ON p.id = q.participant_id WHERE q.study_id = @studyId AND q.id = @queryId",
            new { studyId, queryId }, cancellationToken);

    /// <summary>Queries of the study at <paramref name="visibleSites"/>, optionally of one participant or state.</summary>
    public async Task<List<QueryRow>> ListQueriesAsync(string studyId, IReadOnlyList<string>? visibleSites, long? participantId, string? state, CancellationToken cancellationToken = default)
    {
        // Conditions are added only when given: PostgreSQL cannot type a bare "@p IS NULL" parameter.
        var sql = $"SELECT {QueryColumns} FROM data_query q JOIN participant p ON p.id = q.participant_id WHERE q.study_id = @studyId"
            + (participantId is null ? "" : " AND q.participant_id = @participantId")
            + (state is null ? "" : " AND q.state = @state")
            + " ORDER BY q.id";
        var rows = await QueryAsync<QueryRow>(sql, new { studyId, participantId, state }, cancellationToken);
        return visibleSites is null ? rows : rows.Where(r => visibleSites.Contains(r.SiteId)).ToList();
    }

    /// <summary>Queries on one form.</summary>
    public Task<List<QueryRow>> ListFormQueriesAsync(long formDataId, CancellationToken cancellationToken = default) =>
        QueryAsync<QueryRow>($"SELECT {QueryColumns} FROM data_query q JOIN participant p ON p.id = q.participant_id WHERE q.form_data_id = @formDataId ORDER BY q.id",
            new { formDataId }, cancellationToken);

    /// <summary>The thread of a query, oldest first.</summary>
    public Task<List<QueryMessageRow>> ListQueryMessagesAsync(long queryId, CancellationToken cancellationToken = default) =>
        QueryAsync<QueryMessageRow>("SELECT action AS Action, text AS Text, author AS Author, role AS Role, at AS At FROM query_message WHERE query_id = @queryId ORDER BY id",
            new { queryId }, cancellationToken);

    /// <summary>True when an edit check already has an unresolved query on the form (no duplicate queries).</summary>
    public async Task<bool> HasUnresolvedCheckQueryAsync(long formDataId, string checkId, CancellationToken cancellationToken = default) =>
        await ExecuteScalarAsync<long>("SELECT count(*) FROM data_query WHERE form_data_id = @formDataId AND check_id = @checkId AND state <> 'closed'",
            new { formDataId, checkId }, cancellationToken) > 0;

    /// <summary>Records a signature; returns its key.</summary>
    public Task<long> AddSignatureAsync(SignatureRow signature, CancellationToken cancellationToken = default) =>
        ExecuteScalarAsync<long>("""
            INSERT INTO signature (participant_id, visit_row_id, signer, signer_name, meaning, signed_at)
            VALUES (@ParticipantId, @VisitRowId, @Signer, @SignerName, @Meaning, @SignedAt) RETURNING id
            """, signature, cancellationToken);

    /// <summary>Signatures of a participant, valid or not.</summary>
    public Task<List<SignatureRow>> ListSignaturesAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<SignatureRow>("""
            SELECT id AS Id, participant_id AS ParticipantId, visit_row_id AS VisitRowId, signer AS Signer, signer_name AS SignerName, meaning AS Meaning,
                   signed_at AS SignedAt, invalidated_at AS InvalidatedAt, invalidated_reason AS InvalidatedReason
            FROM signature WHERE participant_id = @participantId ORDER BY id
            """, new { participantId }, cancellationToken);

    /// <summary>Marks a signature invalid (a later data change in its scope), keeping it visible.</summary>
    public Task InvalidateSignatureAsync(long signatureId, string reason, string at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE signature SET invalidated_at = @at, invalidated_reason = @reason WHERE id = @signatureId AND invalidated_at IS NULL",
            new { signatureId, reason, at }, cancellationToken);
}
