namespace Dermis.Storage.Trials;

/// <summary>Whole-study reads for the exports (ODM, SDTM, CSV): one query per table, not one per participant.</summary>
public sealed partial class TrialStore
{
    /// <summary>Inserts a participant under a given screening number (an import); returns its key.</summary>
    public async Task<long> InsertParticipantAsync(ParticipantRow row, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.RowVersion = 1;
        row.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO participant (study_id, site_id, screening_number, status, protocol_version, eligibility, anchor_date, row_version, created_at)
            VALUES (@StudyId, @SiteId, @ScreeningNumber, @Status, @ProtocolVersion, @Eligibility, @AnchorDate, @RowVersion, @at) RETURNING id
            """, new { row.StudyId, row.SiteId, row.ScreeningNumber, row.Status, row.ProtocolVersion, row.Eligibility, row.AnchorDate, row.RowVersion, at = UtcText.Format(at) }, cancellationToken);
        return row.Id;
    }

    /// <summary>Every visit of every participant of a study.</summary>
    public Task<List<VisitRow>> ListVisitsOfStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<VisitRow>("""
            SELECT v.id AS Id, v.participant_id AS ParticipantId, v.visit_id AS VisitId, v.visit_date AS VisitDate, v.window_status AS WindowStatus,
                   v.days_outside AS DaysOutside, v.protocol_version AS ProtocolVersion
            FROM visit v JOIN participant p ON p.id = v.participant_id WHERE p.study_id = @studyId ORDER BY v.participant_id, v.visit_date, v.id
            """, new { studyId }, cancellationToken);

    /// <summary>Every form of every participant of a study.</summary>
    public Task<List<FormRow>> ListFormsOfStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<FormRow>("""
            SELECT f.id AS Id, f.participant_id AS ParticipantId, f.visit_row_id AS VisitRowId, f.form_id AS FormId, f.protocol_version AS ProtocolVersion, f.status AS Status,
                   f.data AS Data, f.derived AS Derived, f.instrument_version AS InstrumentVersion, f.row_version AS RowVersion, f.updated_at AS UpdatedAt, f.updated_by AS UpdatedBy
            FROM form_data f JOIN participant p ON p.id = f.participant_id WHERE p.study_id = @studyId ORDER BY f.visit_row_id, f.id
            """, new { studyId }, cancellationToken);

    /// <summary>Every consent of a study's participants, oldest first.</summary>
    public Task<List<ConsentRow>> ListConsentsOfStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<ConsentRow>("""
            SELECT c.id AS Id, c.participant_id AS ParticipantId, c.document_version AS DocumentVersion, c.signed_on AS SignedOn, c.method AS Method, c.recorded_by AS RecordedBy
            FROM consent c JOIN participant p ON p.id = c.participant_id WHERE p.study_id = @studyId ORDER BY c.id
            """, new { studyId }, cancellationToken);

    /// <summary>Every signature of a study's participants.</summary>
    public Task<List<SignatureRow>> ListSignaturesOfStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<SignatureRow>("""
            SELECT s.id AS Id, s.participant_id AS ParticipantId, s.visit_row_id AS VisitRowId, s.signer AS Signer, s.signer_name AS SignerName, s.meaning AS Meaning,
                   s.signed_at AS SignedAt, s.invalidated_at AS InvalidatedAt, s.invalidated_reason AS InvalidatedReason
            FROM signature s JOIN participant p ON p.id = s.participant_id WHERE p.study_id = @studyId ORDER BY s.id
            """, new { studyId }, cancellationToken);

    /// <summary>Every diary entry of a study's participants.</summary>
    public Task<List<DiaryEntryRow>> ListDiaryEntriesOfStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<DiaryEntryRow>("""
            SELECT e.id AS Id, e.participant_id AS ParticipantId, e.diary_id AS DiaryId, e.diary_date AS DiaryDate, e.client_entry_id AS ClientEntryId, e.data AS Data,
                   e.derived AS Derived, e.instrument_version AS InstrumentVersion, e.protocol_version AS ProtocolVersion, e.device_time AS DeviceTime,
                   e.device_time_utc AS DeviceTimeUtc, e.server_time AS ServerTime, e.queued AS Queued
            FROM diary_entry e JOIN participant p ON p.id = e.participant_id WHERE p.study_id = @studyId ORDER BY e.participant_id, e.diary_date, e.diary_id
            """, new { studyId }, cancellationToken);

    /// <summary>The audit records an export needs: participants' status changes, and (with <paramref name="formHistory"/>) every form item change.</summary>
    public Task<List<ExportAuditRow>> ListExportAuditAsync(string studyId, bool formHistory, CancellationToken cancellationToken = default) =>
        QueryAsync<ExportAuditRow>($"""
            SELECT participant AS Participant, entity AS Entity, entity_key AS EntityKey, item AS Item, action AS Action, old_value AS OldValue, new_value AS NewValue,
                   reason AS Reason, actor AS Actor, at_utc AS AtUtc
            FROM audit WHERE study_id = @studyId AND participant IS NOT NULL
              AND ((entity = 'participant' AND item = 'status'){(formHistory ? " OR (entity = 'form' AND item IS NOT NULL AND item NOT LIKE '(%' AND item <> 'status')" : "")})
            ORDER BY chain, sequence
            """, new { studyId }, cancellationToken);
}

/// <summary>An audit record as the exports read it.</summary>
public sealed class ExportAuditRow
{
    /// <summary>Screening number.</summary>
    public string Participant { get; set; } = "";

    /// <summary>Entity kind: participant or form.</summary>
    public string Entity { get; set; } = "";

    /// <summary>Entity key; for a form <c>{participant}/{visitRowId}/{formId}@v{version}</c>.</summary>
    public string EntityKey { get; set; } = "";

    /// <summary>Item path or <c>status</c>.</summary>
    public string? Item { get; set; }

    /// <summary>Action.</summary>
    public string Action { get; set; } = "";

    /// <summary>Value before.</summary>
    public string? OldValue { get; set; }

    /// <summary>Value after.</summary>
    public string? NewValue { get; set; }

    /// <summary>Reason.</summary>
    public string? Reason { get; set; }

    /// <summary>Who.</summary>
    public string Actor { get; set; } = "";

    /// <summary>When (UTC text).</summary>
    public string AtUtc { get; set; } = "";
}
