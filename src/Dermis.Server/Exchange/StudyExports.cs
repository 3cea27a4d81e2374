using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Exchange;
using Dermis.Trials.Exchange.Analysis;
using Dermis.Trials.Exchange.Odm;
using Dermis.Trials.Exchange.Sdtm;

namespace Dermis.Server.Exchange;

/// <summary>The export formats (docs/exports.md).</summary>
public enum ExportFormat
{
    /// <summary>ODM 1.3.2 Snapshot: current values.</summary>
    Odm,

    /// <summary>ODM 1.3.2 Transactional: every change with its audit record.</summary>
    OdmTransactional,

    /// <summary>SDTM-shaped datasets as CSV, with define.csv.</summary>
    Sdtm,

    /// <summary>Analysis-ready CSV: one row per participant-visit.</summary>
    Csv,
}

/// <summary>
/// Exports for the operator's command line and the benchmark: the whole study, read straight from the
/// database (the operator holds the database itself; the API routes are the role-checked way in).
/// Arms only with <c>unblinded</c>.
/// </summary>
public static class StudyExports
{
    /// <summary>Reads study <paramref name="studyId"/> for export.</summary>
    /// <exception cref="ArgumentException">No such study.</exception>
    public static async Task<StudyExport> LoadAsync(DermisDatabase database, string studyId, bool unblinded, bool history, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var store = await TrialStore.BeginAsync(database, write: false, cancellationToken);
        var study = await store.GetStudyAsync(studyId, cancellationToken) ?? throw new ArgumentException($"There is no study '{studyId}'.", nameof(studyId));
        var yaml = await store.GetProtocolYamlAsync(studyId, study.ProtocolVersion, cancellationToken) ?? throw new ArgumentException($"Study '{studyId}' has no protocol {study.ProtocolVersion}.", nameof(studyId));
        var protocol = ProtocolCache.Load(yaml, $"{studyId} {study.ProtocolVersion}").Definition;
        return await StudyExportLoader.LoadAsync(store, protocol, null, _ => unblinded, now, history);
    }

    /// <summary>Writes <paramref name="export"/> in <paramref name="format"/> into <paramref name="directory"/>; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(StudyExport export, ExportFormat format, string directory, string sourceSystemVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        Directory.CreateDirectory(directory);
        var study = export.Protocol.StudyId;
        switch (format)
        {
            case ExportFormat.Odm or ExportFormat.OdmTransactional:
            {
                var type = format == ExportFormat.Odm ? OdmFileType.Snapshot : OdmFileType.Transactional;
                var path = Path.Combine(directory, $"{study}-odm-{type.ToString().ToLowerInvariant()}.xml");
                await using var file = File.Create(path);
                OdmWriter.Write(export, type, file, sourceSystemVersion);
                return [path];
            }

            case ExportFormat.Sdtm:
                return await SdtmWriter.WriteAsync(SdtmExport.Build(export), directory, cancellationToken);
            default:
            {
                var path = Path.Combine(directory, $"{study}-analysis.csv");
                await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                await AnalysisCsv.WriteAsync(export, writer, cancellationToken);
                return [path];
            }
        }
    }
}
