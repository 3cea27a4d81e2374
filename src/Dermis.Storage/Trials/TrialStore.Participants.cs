using Dermis.Trials.Workflow;

namespace Dermis.Storage.Trials;

/// <summary>Participants, consent, visits and deviations.</summary>
public sealed partial class TrialStore
{
    private const string ParticipantColumns = """
        id AS Id, study_id AS StudyId, site_id AS SiteId, screening_number AS ScreeningNumber, status AS Status, status_reason AS StatusReason,
        protocol_version AS ProtocolVersion, eligibility AS Eligibility, anchor_date AS AnchorDate, arm AS Arm, row_version AS RowVersion,
        time_zone AS TimeZone, activated_on AS ActivatedOn
        """;

    private const string VisitColumns =
        "id AS Id, participant_id AS ParticipantId, visit_id AS VisitId, visit_date AS VisitDate, window_status AS WindowStatus, days_outside AS DaysOutside, protocol_version AS ProtocolVersion";

    /// <summary>Screens a new participant: the next screening number of the site (<c>SITE-0001</c> …).</summary>
    public async Task<ParticipantRow> ScreenParticipantAsync(string studyId, string siteId, string protocolVersion, string status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // Next after the highest number of the site's own form, not the count: an imported participant
        // (ODM import keeps the file's subject keys) may hold any number.
        var numbers = await QueryAsync<string>("SELECT screening_number FROM participant WHERE study_id = @studyId AND site_id = @siteId", new { studyId, siteId }, cancellationToken);
        var highest = 0L;
        foreach (var number in numbers)
        {
            if (number.Length > siteId.Length + 1 && number.StartsWith(siteId + "-", StringComparison.Ordinal)
                && long.TryParse(number.AsSpan(siteId.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                highest = Math.Max(highest, n);
            }
        }

        var row = new ParticipantRow
        {
            StudyId = studyId,
            SiteId = siteId,
            ScreeningNumber = $"{siteId}-{highest + 1:D4}",
            Status = status,
            ProtocolVersion = protocolVersion,
            Eligibility = "{}",
            RowVersion = 1,
        };
        row.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO participant (study_id, site_id, screening_number, status, protocol_version, eligibility, row_version, created_at)
            VALUES (@StudyId, @SiteId, @ScreeningNumber, @Status, @ProtocolVersion, @Eligibility, @RowVersion, @at) RETURNING id
            """, new { row.StudyId, row.SiteId, row.ScreeningNumber, row.Status, row.ProtocolVersion, row.Eligibility, row.RowVersion, at = UtcText.Format(at) }, cancellationToken);
        return row;
    }

    /// <summary>The participant with <paramref name="screeningNumber"/> in the study, or null.</summary>
    public Task<ParticipantRow?> GetParticipantAsync(string studyId, string screeningNumber, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<ParticipantRow>($"SELECT {ParticipantColumns} FROM participant WHERE study_id = @studyId AND screening_number = @screeningNumber",
            new { studyId, screeningNumber }, cancellationToken);

    /// <summary>Participants of the study at <paramref name="visibleSites"/> (null: all).</summary>
    public async Task<List<ParticipantRow>> ListParticipantsAsync(string studyId, IReadOnlyList<string>? visibleSites, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<ParticipantRow>($"SELECT {ParticipantColumns} FROM participant WHERE study_id = @studyId ORDER BY screening_number", new { studyId }, cancellationToken);
        return visibleSites is null ? rows : rows.Where(r => visibleSites.Contains(r.SiteId)).ToList();
    }

    /// <summary>Saves status, reason, eligibility, anchor date and arm if the row version still matches; bumps it.</summary>
    /// <exception cref="DomainRuleException"><c>stale-participant</c> when someone else changed the participant meanwhile.</exception>
    public async Task UpdateParticipantAsync(ParticipantRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var updated = await ExecuteAsync("""
            UPDATE participant SET status = @Status, status_reason = @StatusReason, eligibility = @Eligibility, anchor_date = @AnchorDate, arm = @Arm,
                   row_version = row_version + 1
            WHERE id = @Id AND row_version = @RowVersion
            """, row, cancellationToken);
        if (updated == 0)
        {
            throw new DomainRuleException("stale-participant", $"Participant {row.ScreeningNumber} was changed by someone else; reload and try again.");
        }

        row.RowVersion++;
    }

    /// <summary>Records a signed consent.</summary>
    public Task AddConsentAsync(ConsentRow consent, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO consent (participant_id, document_version, signed_on, method, recorded_by, recorded_at)
            VALUES (@ParticipantId, @DocumentVersion, @SignedOn, @Method, @RecordedBy, @at)
            """, new { consent.ParticipantId, consent.DocumentVersion, consent.SignedOn, consent.Method, consent.RecordedBy, at = UtcText.Format(at) }, cancellationToken);

    /// <summary>Consents of a participant, oldest first.</summary>
    public Task<List<ConsentRow>> ListConsentsAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<ConsentRow>("""
            SELECT id AS Id, participant_id AS ParticipantId, document_version AS DocumentVersion, signed_on AS SignedOn, method AS Method, recorded_by AS RecordedBy
            FROM consent WHERE participant_id = @participantId ORDER BY id
            """, new { participantId }, cancellationToken);

    /// <summary>Records a visit; returns its key.</summary>
    public async Task<VisitRow> AddVisitAsync(VisitRow visit, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visit);
        visit.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO visit (participant_id, visit_id, visit_date, window_status, days_outside, protocol_version, created_at)
            VALUES (@ParticipantId, @VisitId, @VisitDate, @WindowStatus, @DaysOutside, @ProtocolVersion, @at) RETURNING id
            """, new { visit.ParticipantId, visit.VisitId, visit.VisitDate, visit.WindowStatus, visit.DaysOutside, visit.ProtocolVersion, at = UtcText.Format(at) }, cancellationToken);
        return visit;
    }

    /// <summary>Updates a visit's window classification (after the anchor date becomes known).</summary>
    public Task UpdateVisitWindowAsync(VisitRow visit, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE visit SET window_status = @WindowStatus, days_outside = @DaysOutside WHERE id = @Id", visit, cancellationToken);

    /// <summary>Visits of a participant in date order.</summary>
    public Task<List<VisitRow>> ListVisitsAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<VisitRow>($"SELECT {VisitColumns} FROM visit WHERE participant_id = @participantId ORDER BY visit_date, id", new { participantId }, cancellationToken);

    /// <summary>One visit of a participant, or null.</summary>
    public Task<VisitRow?> GetVisitAsync(long participantId, long visitRowId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<VisitRow>($"SELECT {VisitColumns} FROM visit WHERE participant_id = @participantId AND id = @visitRowId", new { participantId, visitRowId }, cancellationToken);

    /// <summary>Records a protocol deviation.</summary>
    public Task AddDeviationAsync(long participantId, long? visitRowId, string kind, string description, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO deviation (participant_id, visit_row_id, kind, description, detected_at) VALUES (@participantId, @visitRowId, @kind, @description, @at)",
            new { participantId, visitRowId, kind, description, at = UtcText.Format(at) }, cancellationToken);

    /// <summary>Deviations of a participant.</summary>
    public Task<List<DeviationRow>> ListDeviationsAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<DeviationRow>("""
            SELECT id AS Id, visit_row_id AS VisitRowId, kind AS Kind, description AS Description, detected_at AS DetectedAt
            FROM deviation WHERE participant_id = @participantId ORDER BY id
            """, new { participantId }, cancellationToken);
}
