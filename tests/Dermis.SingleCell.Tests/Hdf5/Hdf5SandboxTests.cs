using System.Diagnostics;
using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.SingleCell.Tests.Hdf5;

/// <summary>
/// HDF5 reads through the worker process: the same matrix or the same exception as in-process, and a worker that dies
/// or hangs (as libhdf5 does on some corrupt files) becomes an <see cref="Hdf5Exception"/> naming the file, never the
/// caller's death. The dying and hanging workers are shell stand-ins: libhdf5's crashes depend on heap state and do not
/// reproduce from one file in a fresh process.
/// </summary>
public sealed class Hdf5SandboxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dermis-h5-sandbox-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadH5ad_throughTheWorker_equalsTheInProcessRead()
    {
        var path = TestData.PathOf("pbmc68k-reduced", "10x_pbmc68k_reduced.h5ad");
        var options = new H5adReadOptions { Matrix = "raw/X" };
        using var sandbox = new Hdf5Sandbox();

        var m = sandbox.ReadH5ad(path, options);

        // tests/data/pbmc68k-reduced/README.md: raw/X is 700 × 765 with 174,400 non-zeros; h5py: row 0, column 764 = 2.177.
        Assert.Equal((700, 765, 174400), (m.CellCount, m.GeneCount, m.X.NonZeroCount));
        Assert.Equal(2.177f, m.X[0, 764]);
        Assert.Equal(0, sandbox.Contained);
    }

    [Fact]
    public void ReadTenXH5_twoFilesWithOneWorker_giveTheMexCounts()
    {
        using var sandbox = new Hdf5Sandbox();

        var v3 = sandbox.ReadTenXH5(TestData.PathOf("scanpy-10x", "v3", "filtered_feature_bc_matrix.h5"));
        var v2 = sandbox.ReadTenXH5(TestData.PathOf("scanpy-10x", "v2_hg19_chr21", "filtered_gene_bc_matrices_h5.h5"));

        // The MEX triplets beside them (TenXH5ReaderTests): v3 1,107 × 507 with 23,866 non-zeros; v2 12 cells × 343 genes.
        Assert.Equal((1107, 507, 23866), (v3.CellCount, v3.GeneCount, v3.X.NonZeroCount));
        Assert.Equal((12, 343), (v2.CellCount, v2.GeneCount));
    }

    [Fact]
    public void ReadTenXH5_corruptFileTheWorkerSurvives_throwsTheInProcessMessage()
    {
        var path = Path.Combine(_folder, "filtered_feature_bc_matrix.h5");
        var bytes = File.ReadAllBytes(TestData.PathOf("scanpy-10x", "v3", "filtered_feature_bc_matrix.h5"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using var sandbox = new Hdf5Sandbox();

        var e = Assert.Throws<Hdf5Exception>(() => sandbox.ReadTenXH5(path));

        Assert.Equal("filtered_feature_bc_matrix.h5: /: the HDF5 file cannot be opened: it is probably truncated or corrupt.", e.Message);
        Assert.Throws<FileNotFoundException>(() => sandbox.ReadH5ad(Path.Combine(_folder, "missing.h5ad")));
        Assert.Equal(0, sandbox.Contained);
    }

    [Fact]
    public void Read_workerKilledBySegfault_isAnHdf5ExceptionAndTheNextReadStartsAFreshWorker()
    {
        // Reads the request, then dies as libhdf5 does on a wild pointer.
        using var sandbox = new Hdf5Sandbox(Shell("read line; kill -SEGV $$"), TimeSpan.FromSeconds(30));
        var path = Path.Combine(_folder, "broken.h5ad");

        var first = Assert.Throws<Hdf5Exception>(() => sandbox.ReadH5ad(path));
        var second = Assert.Throws<Hdf5Exception>(() => sandbox.ReadTenXH5(path));

        Assert.Equal("broken.h5ad: /: the HDF5 library crashed reading this file (signal 11 SIGSEGV); the file is corrupt and nothing was read from it", first.Message);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(path, first.FilePath);
        Assert.Equal(2, sandbox.Contained);
    }

    [Fact]
    public void Read_workerThatHangs_isKilledAtTheTimeoutAndTheFileRefused()
    {
        using var sandbox = new Hdf5Sandbox(Shell("read line; sleep 60"), TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<Hdf5Exception>(() => sandbox.ReadTenXH5(Path.Combine(_folder, "stuck.h5")));

        Assert.Equal("stuck.h5: /: reading did not finish within 1 s; the HDF5 library is stuck on this file, which is corrupt", e.Message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 20);
        Assert.Equal(1, sandbox.Contained);
    }

    [Fact]
    public void Read_dataspaceClaimingMoreThanItsStoredBytesCanHold_isRefusedBeforeAllocating()
    {
        // tests/data/hdf5-corrupt/README.md: /hg19_chr21/shape grown from 2 to 838,860,802 int32 over 319 stored bytes.
        var path = TestData.PathOf("hdf5-corrupt", "shape-838860802.h5");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<Hdf5Exception>(() => TenXH5Reader.Read(path));

        Assert.Equal("shape-838860802.h5: /hg19_chr21/shape: declares 838860802 elements (3355443208 bytes) but stores only 319 bytes, more than any compression inflates to: the file is corrupt.", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * 1024 * 1024, "more than 16 MiB allocated for a 20-kB file");
    }

    [Theory]
    [InlineData(139, "signal 11 SIGSEGV")]
    [InlineData(136, "signal 8 SIGFPE")]
    [InlineData(134, "signal 6 SIGABRT")]
    [InlineData(1, "exit code 1")]
    public void ExitStatus_unixSignalConvention_namesTheSignal(int exitCode, string expected) =>
        Assert.Equal(expected, Hdf5Sandbox.ExitStatus(exitCode));

    private static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }
}
