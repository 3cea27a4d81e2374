namespace Dermis.Storage.Trials;

/// <summary>A stored batch of device samples (see migration 0006).</summary>
public sealed class SensorBatchRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Device.</summary>
    public long DeviceId { get; set; }

    /// <summary>Participant wearing the device.</summary>
    public long ParticipantId { get; set; }

    /// <summary>The device's batch id.</summary>
    public string BatchId { get; set; } = "";

    /// <summary>accelerometer or radioDisplacement.</summary>
    public string Kind { get; set; } = "";

    /// <summary>First sample (UTC text).</summary>
    public string StartUtc { get; set; } = "";

    /// <summary>Just after the last sample (UTC text).</summary>
    public string EndUtc { get; set; } = "";

    /// <summary>Samples per second.</summary>
    public double SampleRate { get; set; }

    /// <summary>Samples per channel.</summary>
    public long SampleCount { get; set; }

    /// <summary>Channels per sample.</summary>
    public long Channels { get; set; }

    /// <summary>SHA-256 of the samples as received.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Packed little-endian float32 samples, interleaved by channel.</summary>
    public byte[] Samples { get; set; } = [];

    /// <summary>When it was stored (UTC text).</summary>
    public string ReceivedAt { get; set; } = "";
}

/// <summary>Device sample batches.</summary>
public sealed partial class TrialStore
{
    private const string BatchColumns = """
        id AS Id, device_id AS DeviceId, participant_id AS ParticipantId, batch_id AS BatchId, kind AS Kind, start_utc AS StartUtc, end_utc AS EndUtc,
        sample_rate AS SampleRate, sample_count AS SampleCount, channels AS Channels, sha256 AS Sha256, received_at AS ReceivedAt
        """;

    /// <summary>Stores a batch; returns its key.</summary>
    public async Task<long> InsertSensorBatchAsync(SensorBatchRow batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO sensor_batch (device_id, participant_id, batch_id, kind, start_utc, end_utc, sample_rate, sample_count, channels, sha256, samples, received_at)
            VALUES (@DeviceId, @ParticipantId, @BatchId, @Kind, @StartUtc, @EndUtc, @SampleRate, @SampleCount, @Channels, @Sha256, @Samples, @ReceivedAt) RETURNING id
            """, batch, cancellationToken);
        return batch.Id;
    }

    /// <summary>The batch a device already sent under <paramref name="batchId"/> (without its samples), or null.</summary>
    public Task<SensorBatchRow?> FindSensorBatchAsync(long deviceId, string batchId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<SensorBatchRow>($"SELECT {BatchColumns} FROM sensor_batch WHERE device_id = @deviceId AND batch_id = @batchId", new { deviceId, batchId }, cancellationToken);

    /// <summary>The participant's batches of <paramref name="kind"/> that start before <paramref name="toUtc"/> and end after <paramref name="fromUtc"/>, in time order; samples included when asked.</summary>
    public Task<List<SensorBatchRow>> ListSensorBatchesAsync(long participantId, string kind, string fromUtc, string toUtc, bool withSamples, CancellationToken cancellationToken = default) =>
        QueryAsync<SensorBatchRow>($"""
            SELECT {BatchColumns}{(withSamples ? ", samples AS Samples" : "")} FROM sensor_batch
            WHERE participant_id = @participantId AND kind = @kind AND start_utc < @toUtc AND end_utc > @fromUtc ORDER BY start_utc, id
            """, new { participantId, kind, fromUtc, toUtc }, cancellationToken);

    /// <summary>The participant's batch of <paramref name="kind"/> that starts last before <paramref name="startUtc"/> (its neighbour in time), without samples, or null.</summary>
    public Task<SensorBatchRow?> PreviousSensorBatchAsync(long participantId, string kind, string startUtc, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<SensorBatchRow>($"""
            SELECT {BatchColumns} FROM sensor_batch WHERE participant_id = @participantId AND kind = @kind AND start_utc <= @startUtc ORDER BY start_utc DESC, id DESC LIMIT 1
            """, new { participantId, kind, startUtc }, cancellationToken);

    /// <summary>The participant's batch of <paramref name="kind"/> that starts first after <paramref name="startUtc"/>, without samples, or null.</summary>
    public Task<SensorBatchRow?> NextSensorBatchAsync(long participantId, string kind, string startUtc, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<SensorBatchRow>($"""
            SELECT {BatchColumns} FROM sensor_batch WHERE participant_id = @participantId AND kind = @kind AND start_utc > @startUtc ORDER BY start_utc, id LIMIT 1
            """, new { participantId, kind, startUtc }, cancellationToken);
}

/// <summary>A stored night summary.</summary>
public sealed class NightSummaryRow
{
    /// <summary>Participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>The evening's local date (yyyy-MM-dd).</summary>
    public string NightDate { get; set; } = "";

    /// <summary>Algorithm version that computed it.</summary>
    public string AlgorithmVersion { get; set; } = "";

    /// <summary>Sleep window start (UTC text), or null.</summary>
    public string? WindowStartUtc { get; set; }

    /// <summary>Sleep window end (UTC text), or null.</summary>
    public string? WindowEndUtc { get; set; }

    /// <summary>The measures as JSON.</summary>
    public string Measures { get; set; } = "{}";

    /// <summary>When it was computed (UTC text).</summary>
    public string ComputedAt { get; set; } = "";

    /// <summary>What the night view draws, as JSON (only read by <c>GetNightSummaryAsync</c>); null for rows made before it was kept.</summary>
    public string? Trace { get; set; }
}

/// <summary>Night summaries.</summary>
public sealed partial class TrialStore
{
    private const string NightColumns = """
        participant_id AS ParticipantId, night_date AS NightDate, algorithm_version AS AlgorithmVersion, window_start_utc AS WindowStartUtc,
        window_end_utc AS WindowEndUtc, measures AS Measures, computed_at AS ComputedAt
        """;

    /// <summary>Stores a night summary for its algorithm version, replacing an earlier computation of the same version.</summary>
    public async Task SaveNightSummaryAsync(NightSummaryRow night, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(night);
        await ExecuteAsync("DELETE FROM night_summary WHERE participant_id = @ParticipantId AND night_date = @NightDate AND algorithm_version = @AlgorithmVersion", night, cancellationToken);
        await ExecuteAsync("""
            INSERT INTO night_summary (participant_id, night_date, algorithm_version, window_start_utc, window_end_utc, measures, computed_at, trace)
            VALUES (@ParticipantId, @NightDate, @AlgorithmVersion, @WindowStartUtc, @WindowEndUtc, @Measures, @ComputedAt, @Trace)
            """, night, cancellationToken);
    }

    /// <summary>One night's summary of <paramref name="algorithmVersion"/> with its trace, or null.</summary>
    public Task<NightSummaryRow?> GetNightSummaryAsync(long participantId, string nightDate, string algorithmVersion, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<NightSummaryRow>($"""
            SELECT {NightColumns}, trace AS Trace FROM night_summary WHERE participant_id = @participantId AND night_date = @nightDate AND algorithm_version = @algorithmVersion
            """, new { participantId, nightDate, algorithmVersion }, cancellationToken);

    /// <summary>A participant's night summaries (without traces), newest night first, every algorithm version.</summary>
    public Task<List<NightSummaryRow>> ListNightSummariesAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<NightSummaryRow>($"SELECT {NightColumns} FROM night_summary WHERE participant_id = @participantId ORDER BY night_date DESC, algorithm_version", new { participantId }, cancellationToken);
}

/// <summary>A sensing alert.</summary>
public sealed class SensingAlertRow
{
    /// <summary>Participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Screening number (when listed for a study).</summary>
    public string ScreeningNumber { get; set; } = "";

    /// <summary>Site (when listed for a study).</summary>
    public string SiteId { get; set; } = "";

    /// <summary>The night that crossed (yyyy-MM-dd).</summary>
    public string NightDate { get; set; } = "";

    /// <summary>scratch or sleepEfficiency.</summary>
    public string Measure { get; set; } = "";

    /// <summary>Baseline mean.</summary>
    public double Baseline { get; set; }

    /// <summary>Rolling mean that crossed.</summary>
    public double RollingMean { get; set; }

    /// <summary>What the site reads.</summary>
    public string Message { get; set; } = "";

    /// <summary>When it was raised (UTC text).</summary>
    public string RaisedAt { get; set; } = "";
}

/// <summary>Sensing alerts.</summary>
public sealed partial class TrialStore
{
    /// <summary>Stores an alert unless the same one (participant, measure, night) exists; true when added.</summary>
    public async Task<bool> AddSensingAlertAsync(SensingAlertRow alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (await ExecuteScalarAsync<long>("SELECT count(*) FROM sensing_alert WHERE participant_id = @ParticipantId AND measure = @Measure AND night_date = @NightDate", alert, cancellationToken) > 0)
        {
            return false;
        }

        await ExecuteAsync("""
            INSERT INTO sensing_alert (participant_id, night_date, measure, baseline, rolling_mean, message, raised_at)
            VALUES (@ParticipantId, @NightDate, @Measure, @Baseline, @RollingMean, @Message, @RaisedAt)
            """, alert, cancellationToken);
        return true;
    }

    /// <summary>Alerts of a study's participants at <paramref name="visibleSites"/> (null: all), newest first.</summary>
    public async Task<List<SensingAlertRow>> ListSensingAlertsAsync(string studyId, IReadOnlyList<string>? visibleSites, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<SensingAlertRow>("""
            SELECT a.participant_id AS ParticipantId, p.screening_number AS ScreeningNumber, p.site_id AS SiteId, a.night_date AS NightDate, a.measure AS Measure,
                   a.baseline AS Baseline, a.rolling_mean AS RollingMean, a.message AS Message, a.raised_at AS RaisedAt
            FROM sensing_alert a JOIN participant p ON p.id = a.participant_id WHERE p.study_id = @studyId ORDER BY a.night_date DESC, a.id DESC
            """, new { studyId }, cancellationToken);
        return visibleSites is null ? rows : rows.Where(r => visibleSites.Contains(r.SiteId)).ToList();
    }
}
