using System.Globalization;
using System.Text;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.SingleCell.Reporting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.SingleCell;

/// <summary>
/// Immune-cell composition from <c>dermis sc run</c> onto participants (docs/singlecell.md, "Composition on
/// the casebook"): the run's <c>composition.csv</c> (<c>sample,participant,cell_type,cells,fraction</c>, with
/// optional <c>collected_on</c>, <c>tissue</c> and <c>pipeline_version</c> columns) is uploaded for a study;
/// every row must name a participant of the study, and a sample uploaded again replaces its rows. All or nothing.
/// </summary>
internal static class CompositionEndpoints
{
    private const int MaxBytes = 4 << 20;

    public static IEndpointRouteBuilder MapComposition(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/studies/{studyId}/immune-composition", UploadAsync).WithTags("Single cell")
            .WithSummary("Upload a single-cell run's composition.csv (sample,participant,cell_type,cells,fraction[,collected_on,tissue,pipeline_version]); replaces re-uploaded samples.");
        routes.MapGet("/api/studies/{studyId}/participants/{participant}/immune-composition", GetAsync).WithTags("Single cell")
            .WithSummary("A participant's immune-cell composition per sample.");
        return routes;
    }

    private static async Task<IResult> UploadAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        request.Require(Capability.ManageStudy, null);
        if (http.Request.ContentLength > MaxBytes)
        {
            throw BadInputException.Field("body", $"at most {MaxBytes >> 20} MiB per upload");
        }

        IReadOnlyList<CompositionRecord> records;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            try
            {
                records = CompositionCsv.Read(new StringReader(await reader.ReadToEndAsync(http.RequestAborted)));
            }
            catch (FormatException e)
            {
                throw BadInputException.Field("body", e.Message);
            }
        }

        // Every row must name a participant of the study; all are checked before anything is stored.
        var errors = new List<FieldError>();
        var participants = new Dictionary<string, ParticipantRow?>(StringComparer.Ordinal);
        var samples = new Dictionary<(ParticipantRow Participant, string Sample), List<CompositionRow>>();
        foreach (var record in records)
        {
            if (!participants.TryGetValue(record.Participant, out var participant))
            {
                participant = record.Participant.Length == 0 ? null : await request.Store.GetParticipantAsync(studyId, record.Participant, http.RequestAborted);
                participants[record.Participant] = participant;
            }

            if (participant is null)
            {
                errors.Add(new($"line {record.Line}", $"participant '{record.Participant}' is not in {studyId} (map each sample to a participant in the sample sheet)"));
                continue;
            }

            var key = (participant, record.Sample);
            if (!samples.TryGetValue(key, out var rows))
            {
                samples[key] = rows = [];
            }

            rows.Add(new CompositionRow
            {
                ParticipantId = participant.Id, Sample = record.Sample, CollectedOn = record.CollectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Tissue = record.Tissue, CellType = record.CellType, Cells = record.Cells, Fraction = record.Fraction,
                PipelineVersion = record.PipelineVersion ?? "not given", UploadedBy = request.Actor, UploadedAt = UtcText.Format(request.Now),
            });
        }

        if (errors.Count > 0)
        {
            throw new BadInputException("Composition refused; nothing was stored", errors);
        }

        if (samples.Count == 0)
        {
            throw BadInputException.Field("body", "no rows: send the composition.csv that dermis sc run wrote, with a participant on each row");
        }

        foreach (var ((participant, sample), rows) in samples)
        {
            await request.Store.ReplaceCompositionAsync(participant.Id, sample, rows, http.RequestAborted);
            request.Audit(new AuditEvent(participant.SiteId, participant.ScreeningNumber, "composition", $"{participant.ScreeningNumber}/{sample}", null, "upload", null,
                string.Join("; ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.CellType} {r.Cells} ({r.Fraction:P1})"))), rows[0].PipelineVersion));
        }

        await request.CommitAsync(Capability.ManageStudy, null);
        return TypedResults.Ok(new { samples = samples.Count, rows = samples.Values.Sum(r => r.Count), participants = samples.Keys.Select(k => k.Participant.Id).Distinct().Count() });
    }

    private static async Task<IResult> GetAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok((await request.Store.ListCompositionAsync(row.Id, http.RequestAborted))
            .Select(r => new { r.Sample, r.CollectedOn, r.Tissue, r.CellType, r.Cells, r.Fraction, r.PipelineVersion }));
    }
}
