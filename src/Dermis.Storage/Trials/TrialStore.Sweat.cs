namespace Dermis.Storage.Trials;

/// <summary>A stored calibration of one sensor lot for one cytokine (migration 0008).</summary>
public sealed class SweatCalibrationRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Sensor lot.</summary>
    public string Lot { get; set; } = "";

    /// <summary>Cytokine (canonical name, e.g. IL-6).</summary>
    public string Cytokine { get; set; } = "";

    /// <summary>1 for the first upload of the lot and cytokine, then 2, 3, …</summary>
    public long Version { get; set; }

    /// <summary>Curve model.</summary>
    public string Model { get; set; } = "";

    /// <summary>Concentration unit (UCUM).</summary>
    public string Unit { get; set; } = "";

    /// <summary>The standards as uploaded (JSON array of concentration/response pairs).</summary>
    public string Standards { get; set; } = "[]";

    /// <summary>The fitted curve (JSON).</summary>
    public string Curve { get; set; } = "{}";

    /// <summary>Who uploaded it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When (UTC text).</summary>
    public string CreatedAt { get; set; } = "";
}

/// <summary>A stored batch of patch readings (migration 0008).</summary>
public sealed class SweatBatchRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Device.</summary>
    public long DeviceId { get; set; }

    /// <summary>Participant wearing the patch.</summary>
    public long ParticipantId { get; set; }

    /// <summary>The patch's batch id.</summary>
    public string BatchId { get; set; } = "";

    /// <summary>Sensor lot of the patch.</summary>
    public string Lot { get; set; } = "";

    /// <summary>The batch's channels as JSON (cytokine, location, lesional).</summary>
    public string Channels { get; set; } = "[]";

    /// <summary>First reading (UTC text).</summary>
    public string StartUtc { get; set; } = "";

    /// <summary>Last reading (UTC text).</summary>
    public string EndUtc { get; set; } = "";

    /// <summary>Readings in the batch.</summary>
    public long ReadingCount { get; set; }

    /// <summary>SHA-256 of the packed readings.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Packed readings (see the migration).</summary>
    public byte[] Readings { get; set; } = [];

    /// <summary>When it was stored (UTC text).</summary>
    public string ReceivedAt { get; set; } = "";
}

/// <summary>Sweat calibrations and patch readings.</summary>
public sealed partial class TrialStore
{
    private const string CalibrationColumns = """
        id AS Id, study_id AS StudyId, lot AS Lot, cytokine AS Cytokine, version AS Version, model AS Model, unit AS Unit, standards AS Standards,
        curve AS Curve, created_by AS CreatedBy, created_at AS CreatedAt
        """;

    private const string SweatBatchColumns = """
        id AS Id, device_id AS DeviceId, participant_id AS ParticipantId, batch_id AS BatchId, lot AS Lot, channels AS Channels, start_utc AS StartUtc,
        end_utc AS EndUtc, reading_count AS ReadingCount, sha256 AS Sha256, received_at AS ReceivedAt
        """;

    /// <summary>Stores a calibration as the next version of its lot and cytokine; returns the version.</summary>
    public async Task<long> AddSweatCalibrationAsync(SweatCalibrationRow calibration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        calibration.Version = 1 + await ExecuteScalarAsync<long>(
            "SELECT coalesce(max(version), 0) FROM sweat_calibration WHERE study_id = @StudyId AND lot = @Lot AND cytokine = @Cytokine", calibration, cancellationToken);
        calibration.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO sweat_calibration (study_id, lot, cytokine, version, model, unit, standards, curve, created_by, created_at)
            VALUES (@StudyId, @Lot, @Cytokine, @Version, @Model, @Unit, @Standards, @Curve, @CreatedBy, @CreatedAt) RETURNING id
            """, calibration, cancellationToken);
        return calibration.Version;
    }

    /// <summary>The latest version of every lot and cytokine of a study, by lot and cytokine.</summary>
    public Task<List<SweatCalibrationRow>> ListSweatCalibrationsAsync(string studyId, CancellationToken cancellationToken = default) =>
        QueryAsync<SweatCalibrationRow>($"""
            SELECT {CalibrationColumns} FROM sweat_calibration c
            WHERE study_id = @studyId AND version = (SELECT max(version) FROM sweat_calibration l WHERE l.study_id = c.study_id AND l.lot = c.lot AND l.cytokine = c.cytokine)
            ORDER BY lot, cytokine
            """, new { studyId }, cancellationToken);

    /// <summary>A lot's calibration for a cytokine: <paramref name="version"/>, or the latest when null; null when there is none.</summary>
    public Task<SweatCalibrationRow?> GetSweatCalibrationAsync(string studyId, string lot, string cytokine, long? version = null, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<SweatCalibrationRow>($"""
            SELECT {CalibrationColumns} FROM sweat_calibration WHERE study_id = @studyId AND lot = @lot AND cytokine = @cytokine
            {(version is null ? "" : "AND version = @version")} ORDER BY version DESC LIMIT 1
            """, new { studyId, lot, cytokine, version }, cancellationToken);

    /// <summary>Stores a batch of patch readings; returns its key.</summary>
    public async Task<long> InsertSweatBatchAsync(SweatBatchRow batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO sweat_batch (device_id, participant_id, batch_id, lot, channels, start_utc, end_utc, reading_count, sha256, readings, received_at)
            VALUES (@DeviceId, @ParticipantId, @BatchId, @Lot, @Channels, @StartUtc, @EndUtc, @ReadingCount, @Sha256, @Readings, @ReceivedAt) RETURNING id
            """, batch, cancellationToken);
        return batch.Id;
    }

    /// <summary>The batch a patch already sent under <paramref name="batchId"/> (without readings), or null.</summary>
    public Task<SweatBatchRow?> FindSweatBatchAsync(long deviceId, string batchId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<SweatBatchRow>($"SELECT {SweatBatchColumns} FROM sweat_batch WHERE device_id = @deviceId AND batch_id = @batchId", new { deviceId, batchId }, cancellationToken);

    /// <summary>The participant's patch batches overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], with readings, in time order.</summary>
    public Task<List<SweatBatchRow>> ListSweatBatchesAsync(long participantId, string fromUtc, string toUtc, CancellationToken cancellationToken = default) =>
        QueryAsync<SweatBatchRow>($"""
            SELECT {SweatBatchColumns}, readings AS Readings FROM sweat_batch
            WHERE participant_id = @participantId AND start_utc <= @toUtc AND end_utc >= @fromUtc ORDER BY start_utc, id
            """, new { participantId, fromUtc, toUtc }, cancellationToken);
}
