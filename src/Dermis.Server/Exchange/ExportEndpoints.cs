using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Exchange.Analysis;
using Dermis.Trials.Exchange.Odm;
using Dermis.Trials.Exchange.Sdtm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Exchange;

/// <summary>Exports (ODM, SDTM, analysis CSV) and ODM import of a study (docs/exports.md).</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var study = routes.MapGroup("/api/studies/{studyId}").WithTags("Exports");
        study.MapGet("/export/odm", OdmAsync)
            .WithSummary("CDISC ODM 1.3.2 of the sites the caller sees: ?type=snapshot (default) or transactional (full history with audit records). Needs viewAudit.");
        study.MapGet("/export/sdtm", SdtmAsync)
            .WithSummary("SDTM-shaped datasets (DM, DS, SV, EX, AE, QS, RS) and define.csv as a zip of CSV files. Needs viewAudit; arms only where the caller sees them.");
        study.MapGet("/export/csv", CsvAsync)
            .WithSummary("Analysis-ready CSV: one row per participant-visit with scores, baseline, change and responder flags; blinded unless the caller sees arms.");
        study.MapPost("/import/odm", ImportAsync)
            .WithSummary("Import the clinical data of an ODM 1.3.2 Snapshot file: new participants, visits and forms, checked as on entry; all or nothing.");
        return routes;
    }

    private static async Task OdmAsync(string studyId, string? type, HttpContext http)
    {
        var fileType = type switch
        {
            null or "" or "snapshot" => OdmFileType.Snapshot,
            "transactional" => OdmFileType.Transactional,
            _ => throw BadInputException.Field("type", $"'{type}' is not an ODM file type; allowed: snapshot, transactional"),
        };
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        RequireExport(request);
        var export = await StudyExportLoader.LoadAsync(request, history: fileType == OdmFileType.Transactional);
        http.Response.ContentType = "application/xml; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{studyId}-odm-{fileType.ToString().ToLowerInvariant()}.xml\"";
        // Written to a buffer first: a failure half-way must be a clean error, never a truncated file.
        using var buffer = new MemoryStream();
        OdmWriter.Write(export, fileType, buffer, ProductInfo.Version);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task SdtmAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        RequireExport(request);
        var export = await StudyExportLoader.LoadAsync(request, history: false);
        var datasets = SdtmExport.Build(export);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var dataset in datasets)
            {
                await using var entry = new StreamWriter(zip.CreateEntry(SdtmWriter.FileNameOf(dataset)).Open(), new UTF8Encoding(false));
                await SdtmWriter.WriteDatasetAsync(dataset, entry, http.RequestAborted);
            }

            await using var define = new StreamWriter(zip.CreateEntry(SdtmWriter.DefineFileName).Open(), new UTF8Encoding(false));
            await SdtmWriter.WriteDefineAsync(datasets, define, http.RequestAborted);
        }

        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{studyId}-sdtm.zip\"";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task CsvAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        RequireExport(request);
        var export = await StudyExportLoader.LoadAsync(request, history: false);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await AnalysisCsv.WriteAsync(export, text, http.RequestAborted);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{studyId}-analysis.csv\"";
        await http.Response.WriteAsync(text.ToString(), http.RequestAborted);
    }

    private static async Task<IResult> ImportAsync(string studyId, HttpContext http)
    {
        // Read and parsed before the request takes the study's one write turn: a slow upload or a large file must not hold every other writer.
        OdmClinicalData data;
        using (var body = await ReadBodyAsync(http, OdmImport.MaxFileBytes))
        {
            data = OdmImport.Read(body);
        }

        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        if (!request.Access.Assignments.Any(a => RolePermissions.Grants(a.Role, Capability.EnterData)))
        {
            throw new ForbiddenException($"Importing clinical data needs a role that enters data (investigator or coordinator) in {studyId}.");
        }

        return TypedResults.Ok(await OdmImport.ImportAsync(request, data));
    }

    /// <summary>The request body, refused (400, field <c>file</c>) when longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<MemoryStream> ReadBodyAsync(HttpContext http, long maxBytes)
    {
        var tooLarge = BadInputException.Field("file", $"the file is larger than {maxBytes / (1024 * 1024)} MiB; import the participants in several files");
        if (http.Request.ContentLength > maxBytes)
        {
            throw tooLarge;
        }

        // The server's own limit (Kestrel: 30 MB) would otherwise cut the upload with an unexplained error.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        var body = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                await body.DisposeAsync();
                throw tooLarge;
            }

            body.Write(chunk, 0, read);
        }

        body.Position = 0;
        return body;
    }

    /// <summary>Exports carry every item and the audit trail: roles that may read the audit trail (not coordinators, not participants).</summary>
    internal static void RequireExport(TrialRequest request)
    {
        if (!request.Access.Assignments.Any(a => a.Role != StudyRole.Participant && RolePermissions.Grants(a.Role, Capability.ViewAudit)))
        {
            throw new ForbiddenException($"Exports need a role that may read the audit trail (sponsor administrator, data manager, monitor, investigator) in {request.Study.Id}.");
        }
    }
}
