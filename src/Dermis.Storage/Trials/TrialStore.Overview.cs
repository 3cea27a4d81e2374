namespace Dermis.Storage.Trials;

/// <summary>Study-wide reads for dashboards: one query each, whatever the number of participants.</summary>
public sealed partial class TrialStore
{
    /// <summary>Every recorded visit of the study with its participant's site, by visit date.</summary>
    public Task<List<StudyVisitRow>> ListStudyVisitsAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<StudyVisitRow>("""
            SELECT v.participant_id AS ParticipantId, p.site_id AS SiteId, v.visit_id AS VisitId, v.visit_date AS VisitDate, v.window_status AS WindowStatus
            FROM visit v JOIN participant p ON p.id = v.participant_id
            WHERE p.study_id = @studyId
            ORDER BY v.visit_date
            """, new { studyId }, cancellationToken);

    /// <summary>When each form of the study was first entered, against its visit date (data-entry lag).</summary>
    public Task<List<FormEntryRow>> ListFormEntriesAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<FormEntryRow>("""
            SELECT p.site_id AS SiteId, v.visit_date AS VisitDate, f.created_at AS EnteredAt
            FROM form_data f JOIN visit v ON v.id = f.visit_row_id JOIN participant p ON p.id = f.participant_id
            WHERE p.study_id = @studyId
            """, new { studyId }, cancellationToken);
}

/// <summary>A recorded visit, study-wide.</summary>
public sealed class StudyVisitRow
{
    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>The participant's site.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Protocol visit identifier.</summary>
    public string VisitId { get; set; } = "";

    /// <summary>Visit date, yyyy-MM-dd.</summary>
    public string VisitDate { get; set; } = "";

    /// <summary>inWindow, early, late or notApplicable.</summary>
    public string WindowStatus { get; set; } = "";
}

/// <summary>A form's first entry against its visit date.</summary>
public sealed class FormEntryRow
{
    /// <summary>The participant's site.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Visit date, yyyy-MM-dd.</summary>
    public string VisitDate { get; set; } = "";

    /// <summary>When the form was first saved (UTC, ISO 8601).</summary>
    public string? EnteredAt { get; set; }
}
