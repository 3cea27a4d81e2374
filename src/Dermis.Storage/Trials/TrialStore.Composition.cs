namespace Dermis.Storage.Trials;

/// <summary>One cell type's share of a participant's sample (migration 0009).</summary>
public sealed class CompositionRow
{
    /// <summary>Participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Sample id from the sample sheet.</summary>
    public string Sample { get; set; } = "";

    /// <summary>When the sample was taken (yyyy-MM-dd), if known.</summary>
    public string? CollectedOn { get; set; }

    /// <summary>Tissue (e.g. blood, lesional skin), if known.</summary>
    public string? Tissue { get; set; }

    /// <summary>Cell type.</summary>
    public string CellType { get; set; } = "";

    /// <summary>Cells of the type in the sample after QC.</summary>
    public long Cells { get; set; }

    /// <summary>Share of the sample's cells, 0–1.</summary>
    public double Fraction { get; set; }

    /// <summary>Single-cell pipeline version that produced it.</summary>
    public string PipelineVersion { get; set; } = "";

    /// <summary>Who uploaded it.</summary>
    public string UploadedBy { get; set; } = "";

    /// <summary>When (UTC text).</summary>
    public string UploadedAt { get; set; } = "";
}

/// <summary>Immune-cell composition.</summary>
public sealed partial class TrialStore
{
    /// <summary>Replaces a participant sample's composition with <paramref name="rows"/> (all of one participant and sample).</summary>
    public async Task ReplaceCompositionAsync(long participantId, string sample, IReadOnlyList<CompositionRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await ExecuteAsync("DELETE FROM immune_composition WHERE participant_id = @participantId AND sample = @sample", new { participantId, sample }, cancellationToken);
        foreach (var row in rows)
        {
            await ExecuteAsync("""
                INSERT INTO immune_composition (participant_id, sample, collected_on, tissue, cell_type, cells, fraction, pipeline_version, uploaded_by, uploaded_at)
                VALUES (@ParticipantId, @Sample, @CollectedOn, @Tissue, @CellType, @Cells, @Fraction, @PipelineVersion, @UploadedBy, @UploadedAt)
                """, row, cancellationToken);
        }
    }

    /// <summary>A participant's composition rows by sample date, sample and descending share.</summary>
    public Task<List<CompositionRow>> ListCompositionAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<CompositionRow>("""
            SELECT participant_id AS ParticipantId, sample AS Sample, collected_on AS CollectedOn, tissue AS Tissue, cell_type AS CellType, cells AS Cells,
                   fraction AS Fraction, pipeline_version AS PipelineVersion, uploaded_by AS UploadedBy, uploaded_at AS UploadedAt
            FROM immune_composition WHERE participant_id = @participantId ORDER BY collected_on, sample, fraction DESC, cell_type
            """, new { participantId }, cancellationToken);
}
