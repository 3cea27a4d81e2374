using System.Globalization;
using System.Text;
using Dermis.Trials.Exchange.Csv;

namespace Dermis.Trials.Exchange.Sdtm;

/// <summary>
/// Writes SDTM-shaped datasets as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or
/// line breaks quoted, UTF-8 without byte-order mark): one file per domain whose header row is the
/// variable names, and <c>define.csv</c>, a define-style metadata table (the content of
/// Define-XML v2.1 ItemDefs, as CSV).
/// </summary>
public static class SdtmWriter
{
    /// <summary>The file name of the metadata table.</summary>
    public const string DefineFileName = "define.csv";

    /// <summary>Columns of the metadata table, in order.</summary>
    public static IReadOnlyList<string> DefineColumns { get; } = ["dataset", "variable", "label", "type", "length", "origin", "codelist", "comment"];

    /// <summary>The file name of a dataset: the domain in lower case, e.g. <c>dm.csv</c>.</summary>
    public static string FileNameOf(SdtmDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Domain.ToLowerInvariant() + ".csv";
    }

    /// <summary>Writes each dataset to <c>&lt;domain&gt;.csv</c> and the metadata to <c>define.csv</c> in <paramref name="directory"/>, creating it if needed and replacing files of the same name.</summary>
    /// <param name="datasets">Datasets from <see cref="SdtmExport.Build"/>.</param>
    /// <param name="directory">Target directory.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>The paths written, datasets first, define.csv last.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<SdtmDataset> datasets, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>(datasets.Count + 1);
        foreach (var dataset in datasets)
        {
            var path = Path.Combine(directory, FileNameOf(dataset));
            await WriteFileAsync(path, w => WriteDatasetAsync(dataset, w, cancellationToken)).ConfigureAwait(false);
            written.Add(path);
        }

        var define = Path.Combine(directory, DefineFileName);
        await WriteFileAsync(define, w => WriteDefineAsync(datasets, w, cancellationToken)).ConfigureAwait(false);
        written.Add(define);
        return written;
    }

    /// <summary>Writes one dataset as CSV: the variable names, then one record per row.</summary>
    public static async Task WriteDatasetAsync(SdtmDataset dataset, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        await CsvText.WriteRecordAsync(writer, dataset.Variables.Select(v => v.Name), cancellationToken).ConfigureAwait(false);
        foreach (var row in dataset.Rows)
        {
            await CsvText.WriteRecordAsync(writer, row, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the metadata table (<see cref="DefineColumns"/>): per dataset, one row with the
    /// variable empty carrying the dataset label (type <c>dataset</c>), then one row per variable.
    /// </summary>
    public static async Task WriteDefineAsync(IReadOnlyList<SdtmDataset> datasets, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(writer);
        await CsvText.WriteRecordAsync(writer, DefineColumns, cancellationToken).ConfigureAwait(false);
        foreach (var dataset in datasets)
        {
            await CsvText.WriteRecordAsync(writer, [dataset.Domain, "", dataset.Label, "dataset", "", "", "", $"{dataset.Rows.Count} records"], cancellationToken).ConfigureAwait(false);
            foreach (var v in dataset.Variables)
            {
                string?[] fields = [dataset.Domain, v.Name, v.Label, v.Type, v.Length?.ToString(CultureInfo.InvariantCulture), v.Origin, v.CodeList, v.Comment];
                await CsvText.WriteRecordAsync(writer, fields, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteFileAsync(string path, Func<TextWriter, Task> write)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using (writer.ConfigureAwait(false))
        {
            await write(writer).ConfigureAwait(false);
        }
    }
}
