using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dermis.SingleCell;
using Dermis.SingleCell.Annotation;
using Dermis.SingleCell.Composition;
using Dermis.SingleCell.Io;
using Dermis.SingleCell.Io.Hdf5;
using Dermis.SingleCell.Pipeline;
using Dermis.SingleCell.Reporting;

namespace Dermis.Cli.Commands;

/// <summary>
/// <c>dermis sc run &lt;input&gt; --out DIR</c>: a 10x run (MEX folder, 10x .h5 or AnnData .h5ad) through QC, clustering, UMAP, markers, cell types and
/// composition, offline (docs/singlecell.md).
/// </summary>
internal static class SingleCellCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A 10x MEX folder (matrix.mtx[.gz], features.tsv[.gz] or genes.tsv, barcodes.tsv[.gz]) or a folder holding exactly one, a 10x .h5 file, or an AnnData .h5ad file." };
        var layer = new Option<string>("--layer") { Description = "For an .h5ad input, the matrix holding raw counts: X (default), raw (raw/X) or counts (layers/counts).", DefaultValueFactory = _ => "X" };
        layer.AcceptOnlyFromAmong(SingleCellInput.Layers);
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for cells.csv, markers.csv, composition.csv, summary.json and report.html.", Required = true };
        var resolution = new Option<double>("--resolution") { Description = "Clustering resolution (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var clustering = new Option<string>("--clustering") { Description = "louvain (default) or leiden.", DefaultValueFactory = _ => "louvain" };
        clustering.AcceptOnlyFromAmong("louvain", "leiden");
        var reference = new Option<string?>("--reference") { Description = "Annotated reference: a 10x MEX folder with labels.csv (barcode,cell_type), or an .h5ad with --reference-label. Without it, clusters are typed by a PBMC marker panel." };
        var referenceLabel = new Option<string?>("--reference-label") { Description = "With an .h5ad reference: the obs column holding the cell types (e.g. cell_type, bulk_labels)." };
        var referenceLayer = new Option<string>("--reference-layer") { Description = "With an .h5ad reference: its counts matrix, X (default), raw or counts.", DefaultValueFactory = _ => "X" };
        referenceLayer.AcceptOnlyFromAmong(SingleCellInput.Layers);
        var h5ad = new Option<bool>("--h5ad") { Description = "Also write result.h5ad (AnnData: counts X, obs QC/cluster/cell type/confidence, var highly_variable, obsm X_pca/X_umap) for Scanpy." };
        var samples = new Option<FileInfo?>("--samples") { Description = "Sample sheet CSV: barcode_suffix,sample,participant[,group] or barcode,sample,participant[,group]." };
        var caseGroup = new Option<string?>("--case-group") { Description = "With a sheet 'group' column of two groups: the case group; writes differential_abundance.csv and pseudobulk_de.csv." };
        var run = new Command("run", "QC, normalisation, variable genes, PCA, SNN clustering, UMAP, markers, cell types and composition of a 10x run (Seurat tutorial defaults).")
        {
            input, output, resolution, clustering, reference, referenceLabel, referenceLayer, samples, caseGroup, layer, h5ad,
        };
        run.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var folder = SingleCellInput.Resolve(parseResult.GetValue(input)!, "input");
            var r = parseResult.GetValue(resolution);
            if (!(r > 0) || double.IsInfinity(r))
            {
                throw new CommandLineInputException($"--resolution: {r.ToString(CultureInfo.InvariantCulture)} is not allowed; expected a number > 0 (Seurat tutorial 0.5).");
            }

            var sheet = parseResult.GetValue(samples) is { } sheetFile ? ReadSheet(sheetFile) : null;
            var referenceFolder = parseResult.GetValue(reference) is { } referencePath ? Path.GetFullPath(referencePath) : null;
            CellTypeReference? referenceSet = null;
            if (referenceFolder is not null)
            {
                await error.WriteLineAsync($"dermis sc: reading reference {referenceFolder}");
                referenceSet = SingleCellInput.LoadReference(referenceFolder, parseResult.GetValue(referenceLabel), parseResult.GetValue(referenceLayer)!);
            }

            var options = new PipelineOptions
            {
                Resolution = r,
                Clustering = parseResult.GetValue(clustering) == "leiden" ? ClusteringMethod.Leiden : ClusteringMethod.Louvain,
                Reference = referenceSet,
            };
            var (result, read, infoOf) = ReadAndRun(folder, parseResult.GetValue(layer)!, sheet, options, error);
            var kept = result.Matrix.Cells.Barcodes.Select(b => infoOf[b]).ToArray();
            var composition = CellComposition.Count(kept.Select(s => s.Sample).ToArray(), result.Annotation.CellTypes);
            var participants = kept.DistinctBy(s => s.Sample).ToDictionary(s => s.Sample, s => s.Participant, StringComparer.Ordinal);
            var outFolder = parseResult.GetValue(output)!;
            try
            {
                outFolder.Create();
                await WriteAsync(outFolder, "cells.csv", w => ResultTables.WriteCells(result, kept.Select(s => s.Sample).ToArray(), w), cancellationToken);
                await WriteAsync(outFolder, "markers.csv", w => ResultTables.WriteMarkers(result, w), cancellationToken);
                await WriteAsync(outFolder, "composition.csv", w => ResultTables.WriteComposition(composition, participants, w), cancellationToken);
                if (parseResult.GetValue(caseGroup) is { } cases)
                {
                    await CompareAsync(outFolder, sheet, cases, result, kept, composition, cancellationToken);
                }

                await WriteAsync(outFolder, "report.html", w => HtmlReport.Write(result, folder, w), cancellationToken);
                if (parseResult.GetValue(h5ad))
                {
                    H5adWriter.Write(Path.Combine(outFolder.FullName, "result.h5ad"), result.Matrix, new H5adWriteOptions
                    {
                        XLayer = "counts", Uns = new Dictionary<string, string>(StringComparer.Ordinal) { ["pipeline_version"] = SingleCellInfo.PipelineVersion },
                    });
                }

                await File.WriteAllTextAsync(Path.Combine(outFolder.FullName, "summary.json"), Summary(result, read, folder, referenceFolder, sheet), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Hdf5Exception)
            {
                throw new CommandLineInputException($"--out: {outFolder.FullName} cannot be written: {e.Message}");
            }

            var total = read.Seconds + result.Steps.Sum(s => s.Seconds);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{folder}: {result.CellsAfterQc:N0} of {result.CellsRead:N0} cells passed QC, {result.Clusters.ClusterCount} clusters, {result.Annotation.CellTypes.Distinct().Count()} cell types ({result.Annotation.Method}), {total:F1} s, peak {result.PeakWorkingSetMegabytes:F0} MB → {outFolder.FullName}"));
            return ExitCodes.Success;
        }));
        return new Command("sc", "Single-cell RNA-seq: immunophenotyping of 10x runs.") { run };
    }

    /// <summary>
    /// Reads the counts and runs the pipeline in a synchronous method, so that the raw matrix is not held by the async
    /// state machine and can be collected once the prefilter has copied it (~0.5 GB at 100,000 cells).
    /// </summary>
    private static (PipelineResult Result, PipelineStep Read, Dictionary<string, SampleInfo> InfoOf) ReadAndRun(string folder, string layer, SampleSheet? sheet, PipelineOptions options, TextWriter error)
    {
        error.WriteLine($"dermis sc: reading {folder}");
        var readStart = TimeProvider.System.GetTimestamp();
        var allocated = GC.GetTotalAllocatedBytes();
        var counts = SingleCellInput.ReadCounts(folder, layer);
        var read = Measure("read", TimeProvider.System.GetElapsedTime(readStart).TotalSeconds, GC.GetTotalAllocatedBytes() - allocated);
        if (GC.GetTotalAllocatedBytes() - allocated > 256L << 20)
        {
            // The inflated text and coordinate lists of a large matrix are garbage now; return them before the pipeline copies the matrix.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        var cellSamples = SingleCellInput.Input(() => sheet?.Assign(counts.Cells.Barcodes), sheet?.FileName ?? "");

        // Cells that pass QC are mapped back to the sheet by barcode.
        var infoOf = new Dictionary<string, SampleInfo>(StringComparer.Ordinal);
        for (var i = 0; i < counts.CellCount; i++)
        {
            infoOf.TryAdd(counts.Cells.Barcodes[i], cellSamples?[i] ?? new SampleInfo(DefaultSample(counts.Cells.Barcodes[i]), "", ""));
        }

        try
        {
            return (SingleCellPipeline.Run(counts, options, new StderrProgress(error)), read, infoOf);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineInputException($"{folder}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    /// <summary>Without a sheet, a cell's sample is its Cell Ranger aggr suffix ("1" for "…-1"), or "all" when the barcode has none.</summary>
    private static string DefaultSample(string barcode) => SampleSheet.SuffixOf(barcode) is { Length: > 0 } suffix ? suffix : "all";

    private static SampleSheet ReadSheet(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CommandLineInputException($"--samples: {file.FullName} does not exist");
        }

        return SingleCellInput.Input(() =>
        {
            using var reader = file.OpenText();
            return SampleSheet.Read(reader, file.Name);
        }, file.FullName);
    }

    private static async Task CompareAsync(DirectoryInfo outFolder, SampleSheet? sheet, string cases, PipelineResult result, SampleInfo[] kept, IReadOnlyList<CompositionRow> composition, CancellationToken cancellationToken)
    {
        if (sheet is not { HasGroups: true })
        {
            throw new CommandLineInputException("--case-group: needs --samples with a 'group' column.");
        }

        var groups = sheet.Samples.Select(s => s.Group).Distinct(StringComparer.Ordinal).ToArray();
        if (groups.Length != 2 || !groups.Contains(cases, StringComparer.Ordinal))
        {
            throw new CommandLineInputException($"--case-group: '{cases}' must be one of exactly two groups in {sheet.FileName}; found {string.Join(", ", groups)}.");
        }

        var present = kept.Select(s => s.Sample).ToHashSet(StringComparer.Ordinal);
        var caseSamples = sheet.Samples.Where(s => s.Group == cases && present.Contains(s.Sample)).Select(s => s.Sample).ToArray();
        var controlSamples = sheet.Samples.Where(s => s.Group != cases && present.Contains(s.Sample)).Select(s => s.Sample).ToArray();
        try
        {
            var abundance = DifferentialAbundance.Test(composition, caseSamples, controlSamples);
            await WriteAsync(outFolder, "differential_abundance.csv", w => ResultTables.WriteAbundance(abundance, w), cancellationToken);
            var pseudobulk = Pseudobulk.Aggregate(result.Matrix, kept.Select(s => s.Sample).ToArray(), result.Annotation.CellTypes);
            await WriteAsync(outFolder, "pseudobulk_de.csv", w =>
            {
                w.WriteLine("cell_type,gene,mean_logcpm_cases,mean_logcpm_controls,log2_fold_change,t,df,p_val,p_val_adj");
                foreach (var type in pseudobulk.CellTypes.Distinct().Order(StringComparer.Ordinal))
                {
                    var testable = caseSamples.Count(s => pseudobulk.IndexOf(s, type) >= 0) >= 2 && controlSamples.Count(s => pseudobulk.IndexOf(s, type) >= 0) >= 2;
                    if (testable)
                    {
                        ResultTables.WritePseudobulkGenes(type, PseudobulkExpression.Test(pseudobulk, type, caseSamples, controlSamples), w);
                    }
                }
            }, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineInputException($"--case-group: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static async Task WriteAsync(DirectoryInfo folder, string name, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(Path.Combine(folder.FullName, name));
        write(writer);
        await writer.FlushAsync(cancellationToken);
    }

    private static PipelineStep Measure(string name, double seconds, long allocatedBytes)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new PipelineStep(name, seconds, Environment.WorkingSet / 1e6, process.PeakWorkingSet64 / 1e6, GC.GetGCMemoryInfo().HeapSizeBytes / 1e6, allocatedBytes / 1e6);
    }

    private static string Summary(PipelineResult result, PipelineStep read, string input, string? reference, SampleSheet? sheet)
    {
        PipelineStep[] steps = [read, .. result.Steps];
        var o = result.Options;
        var types = result.Annotation.CellTypes.GroupBy(t => t, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return JsonSerializer.Serialize(new
        {
            pipeline_version = SingleCellInfo.PipelineVersion,
            input,
            reference,
            samples = sheet?.FileName,
            cells = new { before_qc = result.CellsRead, after_qc = result.CellsAfterQc },
            genes = new { before_qc = result.GenesRead, after_qc = result.GenesAfterPrefilter },
            clusters = new { count = result.Clusters.ClusterCount, sizes = result.Clusters.Sizes.ToArray(), modularity = result.Clusters.Modularity },
            cell_types = types,
            annotation = result.Annotation.Method,
            total_seconds = steps.Sum(s => s.Seconds),
            peak_memory_mb = steps.Max(s => s.PeakWorkingSetMegabytes),
            steps = steps.Select(s => new
            {
                name = s.Name,
                seconds = s.Seconds,
                peak_memory_mb = s.PeakWorkingSetMegabytes,
                working_set_mb = s.WorkingSetMegabytes,
                managed_heap_mb = s.ManagedHeapMegabytes,
                allocated_mb = s.AllocatedMegabytes,
            }),
            parameters = new
            {
                min_cells_per_gene = o.MinCellsPerGene,
                min_genes_per_cell = o.MinGenesPerCell,
                qc = new { min_genes_exclusive = o.Qc.MinGenesExclusive, max_genes_exclusive = o.Qc.MaxGenesExclusive, max_percent_mt_exclusive = o.Qc.MaxPercentMitoExclusive },
                mito_pattern = o.MitoPattern,
                scale_factor = o.ScaleFactor,
                variable_genes = o.VariableGeneCount,
                scale_max = o.ScaleMaxValue,
                pca_components = o.PcaComponents,
                pca_seed = o.PcaSeed,
                dims = o.Dimensions,
                k = o.NeighborCount,
                snn_prune = o.SnnPrune,
                clustering = o.Clustering.ToString().ToLowerInvariant(),
                resolution = o.Resolution,
                cluster_seed = o.ClusterSeed,
                umap_neighbors = o.UmapNeighborCount,
                umap_min_dist = o.UmapMinDist,
                umap_seed = o.UmapSeed,
                markers = new { only_pos = o.Markers.OnlyPositive, min_pct = o.Markers.MinPct, logfc_threshold = o.Markers.LogFoldChangeThreshold, return_thresh = o.Markers.ReturnThreshold },
                unassigned_below = o.UnassignedBelow,
            },
        }, Json);
    }

    /// <summary>Writes each step's start on stderr as it happens (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class StderrProgress(TextWriter error) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => error.WriteLine($"dermis sc: [{value.Index}/{value.Count}] {value.Step}: {value.Detail}");
    }
}
