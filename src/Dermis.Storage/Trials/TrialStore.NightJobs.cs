namespace Dermis.Storage.Trials;

/// <summary>A night waiting for analysis (migration 0007), with its participant's keys.</summary>
public sealed class NightJobRow
{
    /// <summary>Participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Study of the participant.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Screening number of the participant.</summary>
    public string ScreeningNumber { get; set; } = "";

    /// <summary>The evening's local date (yyyy-MM-dd).</summary>
    public string NightDate { get; set; } = "";

    /// <summary>wristband or radio: which batches the night is analysed from.</summary>
    public string Source { get; set; } = "";

    /// <summary>When the job may run (UTC text); moved later by every batch that touches the night.</summary>
    public string DueAt { get; set; } = "";

    /// <summary>Claims so far for this due time.</summary>
    public long Attempts { get; set; }
}

/// <summary>Night analysis jobs: enqueued by ingest, claimed by any server's worker for a lease.</summary>
public sealed partial class TrialStore
{
    /// <summary>
    /// Adds the night's job, or moves an existing one's due time to <paramref name="dueAtUtc"/> when that is later
    /// (a new batch restarts the quiet period and clears an earlier failure, so the night is tried again).
    /// </summary>
    public Task EnqueueNightJobAsync(long participantId, string nightDate, string source, string dueAtUtc, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO night_job (participant_id, night_date, source, due_at) VALUES (@participantId, @nightDate, @source, @dueAtUtc)
            ON CONFLICT (participant_id, night_date, source) DO UPDATE SET
                due_at = CASE WHEN excluded.due_at > night_job.due_at THEN excluded.due_at ELSE night_job.due_at END,
                attempts = 0, failed_due_at = NULL, last_error = NULL
            """, new { participantId, nightDate, source, dueAtUtc }, cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due jobs for <paramref name="claimant"/> until <paramref name="leaseUntilUtc"/>:
    /// due, not failed at this due time, and unclaimed or with an expired lease. A job another process claimed
    /// between the read and the update is skipped.
    /// </summary>
    public async Task<List<NightJobRow>> ClaimDueNightJobsAsync(string nowUtc, string claimant, string leaseUntilUtc, int limit, CancellationToken cancellationToken = default)
    {
        var due = await QueryAsync<NightJobRow>("""
            SELECT j.participant_id AS ParticipantId, p.study_id AS StudyId, p.screening_number AS ScreeningNumber, j.night_date AS NightDate, j.source AS Source,
                   j.due_at AS DueAt, j.attempts AS Attempts
            FROM night_job j JOIN participant p ON p.id = j.participant_id
            WHERE j.due_at <= @nowUtc AND (j.failed_due_at IS NULL OR j.failed_due_at <> j.due_at) AND (j.claimed_until IS NULL OR j.claimed_until < @nowUtc)
            ORDER BY j.due_at, j.participant_id, j.night_date LIMIT @limit
            """, new { nowUtc, limit }, cancellationToken);
        var claimed = new List<NightJobRow>(due.Count);
        foreach (var job in due)
        {
            var updated = await ExecuteAsync("""
                UPDATE night_job SET claimed_by = @claimant, claimed_until = @leaseUntilUtc, attempts = attempts + 1
                WHERE participant_id = @ParticipantId AND night_date = @NightDate AND source = @Source AND due_at = @DueAt
                  AND (claimed_until IS NULL OR claimed_until < @nowUtc)
                """, new { claimant, leaseUntilUtc, nowUtc, job.ParticipantId, job.NightDate, job.Source, job.DueAt }, cancellationToken);
            if (updated == 1)
            {
                job.Attempts++;
                claimed.Add(job);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Ends a claimed job: removed when its due time is still the one claimed; when a batch moved it meanwhile,
    /// released so the night is analysed again with the new data.
    /// </summary>
    public async Task CompleteNightJobAsync(NightJobRow job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await ExecuteAsync("DELETE FROM night_job WHERE participant_id = @ParticipantId AND night_date = @NightDate AND source = @Source AND due_at = @DueAt", job, cancellationToken) == 0)
        {
            await ReleaseNightJobAsync(job, cancellationToken);
        }
    }

    /// <summary>Records why the night cannot be analysed at this due time; it is not tried again until a batch moves the due time.</summary>
    public Task FailNightJobAsync(NightJobRow job, string reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            UPDATE night_job SET failed_due_at = due_at, last_error = @reason, claimed_by = NULL, claimed_until = NULL
            WHERE participant_id = @ParticipantId AND night_date = @NightDate AND source = @Source AND due_at = @DueAt
            """, new { job.ParticipantId, job.NightDate, job.Source, job.DueAt, reason }, cancellationToken);

    /// <summary>Gives a claimed job back (another worker, or this one on its next round, takes it up).</summary>
    public Task ReleaseNightJobAsync(NightJobRow job, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            UPDATE night_job SET claimed_by = NULL, claimed_until = NULL
            WHERE participant_id = @ParticipantId AND night_date = @NightDate AND source = @Source
            """, job, cancellationToken);

    /// <summary>A participant's waiting or failed night jobs (for the night list and tests), by night.</summary>
    public Task<List<NightJobStatusRow>> ListNightJobsAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<NightJobStatusRow>("""
            SELECT night_date AS NightDate, source AS Source, due_at AS DueAt, claimed_until AS ClaimedUntil, attempts AS Attempts,
                   CASE WHEN failed_due_at = due_at THEN last_error END AS Failure
            FROM night_job WHERE participant_id = @participantId ORDER BY night_date, source
            """, new { participantId }, cancellationToken);
}

/// <summary>A night job as the site sees it.</summary>
public sealed class NightJobStatusRow
{
    /// <summary>The evening's local date.</summary>
    public string NightDate { get; set; } = "";

    /// <summary>wristband or radio.</summary>
    public string Source { get; set; } = "";

    /// <summary>When it may run (UTC text).</summary>
    public string DueAt { get; set; } = "";

    /// <summary>Lease end while a worker holds it (UTC text).</summary>
    public string? ClaimedUntil { get; set; }

    /// <summary>Claims at this due time.</summary>
    public long Attempts { get; set; }

    /// <summary>Why the night could not be analysed, while that holds.</summary>
    public string? Failure { get; set; }
}
