using System.Globalization;
using System.Text;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
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
    private static readonly string[] Required = ["sample", "participant", "cell_type", "cells", "fraction"];
    private static readonly string[] Optional = ["collected_on", "tissue", "pipeline_version"];

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

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(http.RequestAborted)).Split('\n');
        var header = Split(lines[0].TrimEnd('\r'));
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            if (!Required.Contains(header[c]) && !Optional.Contains(header[c]))
            {
                throw BadInputException.Field("body", $"line 1, column {c + 1}: unknown column '{header[c]}'; allowed: {string.Join(", ", Required.Concat(Optional))}");
            }

            column[header[c]] = c;
        }

        if (Required.FirstOrDefault(r => !column.ContainsKey(r)) is { } lacking)
        {
            throw BadInputException.Field("body", $"line 1: the header lacks '{lacking}'; required: {string.Join(",", Required)}");
        }

        var errors = new List<FieldError>();
        var participants = new Dictionary<string, ParticipantRow?>(StringComparer.Ordinal);
        var samples = new Dictionary<(long Participant, string Sample), List<CompositionRow>>();
        var screening = new Dictionary<long, ParticipantRow>();
        for (var i = 1; i < lines.Length && errors.Count < 20; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            var f = Split(text);
            string Field(string name) => column.TryGetValue(name, out var c) && c < f.Count ? f[c].Trim() : "";
            var line = i + 1;
            if (f.Count != header.Count)
            {
                errors.Add(new($"line {line}", $"{f.Count} fields, but the header has {header.Count}"));
                continue;
            }

            var number = Field("participant");
            if (!participants.TryGetValue(number, out var participant))
            {
                participant = number.Length == 0 ? null : await request.Store.GetParticipantAsync(studyId, number, http.RequestAborted);
                participants[number] = participant;
            }

            if (participant is null)
            {
                errors.Add(new($"line {line}", $"participant '{number}' is not in {studyId} (map each sample to a participant in the sample sheet)"));
                continue;
            }

            if (!long.TryParse(Field("cells"), NumberStyles.None, CultureInfo.InvariantCulture, out var cells)
                || !double.TryParse(Field("fraction"), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || !(fraction is >= 0 and <= 1))
            {
                errors.Add(new($"line {line}", "cells must be a whole number ≥ 0 and fraction a number 0–1"));
                continue;
            }

            var collected = Field("collected_on");
            if (collected.Length > 0 && !DateOnly.TryParseExact(collected, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add(new($"line {line}", $"collected_on must be yyyy-MM-dd; got '{collected}'"));
                continue;
            }

            if (Field("sample").Length is 0 or > 64 || Field("cell_type").Length is 0 or > 64)
            {
                errors.Add(new($"line {line}", "sample and cell_type must be 1–64 characters"));
                continue;
            }

            screening[participant.Id] = participant;
            var key = (participant.Id, Field("sample"));
            if (!samples.TryGetValue(key, out var rows))
            {
                samples[key] = rows = [];
            }

            rows.Add(new CompositionRow
            {
                ParticipantId = participant.Id, Sample = key.Item2, CollectedOn = collected.Length == 0 ? null : collected, Tissue = Field("tissue") is { Length: > 0 } t ? t : null,
                CellType = Field("cell_type"), Cells = cells, Fraction = fraction,
                PipelineVersion = Field("pipeline_version") is { Length: > 0 } v ? v : "not given", UploadedBy = request.Actor, UploadedAt = UtcText.Format(request.Now),
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

        foreach (var ((participantId, sample), rows) in samples)
        {
            var participant = screening[participantId];
            await request.Store.ReplaceCompositionAsync(participantId, sample, rows, http.RequestAborted);
            request.Audit(new AuditEvent(participant.SiteId, participant.ScreeningNumber, "composition", $"{participant.ScreeningNumber}/{sample}", null, "upload", null,
                string.Join("; ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.CellType} {r.Cells} ({r.Fraction:P1})"))), rows[0].PipelineVersion));
        }

        await request.CommitAsync(Capability.ManageStudy, null);
        return TypedResults.Ok(new { samples = samples.Count, rows = samples.Values.Sum(r => r.Count), participants = screening.Count });
    }

    private static async Task<IResult> GetAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok((await request.Store.ListCompositionAsync(row.Id, http.RequestAborted))
            .Select(r => new { r.Sample, r.CollectedOn, r.Tissue, r.CellType, r.Cells, r.Fraction, r.PipelineVersion }));
    }

    /// <summary>Fields of one CSV line; double quotes enclose a field with commas ("" is a quote).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
