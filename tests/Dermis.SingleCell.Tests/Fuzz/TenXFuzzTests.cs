using System.IO.Compression;
using System.Text;
using Dermis.Bench.Fuzz;
using Dermis.SingleCell.Io;

namespace Dermis.SingleCell.Tests.Fuzz;

/// <summary>
/// 10x reader fuzzing in CI (docs/fuzzing.md): mutated MEX triplets (plain and gzip), Cell Ranger .h5 and AnnData .h5ad
/// files are read or refused with a FormatException (Hdf5Exception is one) naming the file; never IndexOutOfRange,
/// NullReference, InvalidData, Overflow or OutOfMemory, never a hang, and a native libhdf5 crash only ever in the
/// sandbox's worker process.
/// </summary>
public sealed class TenXFuzzTests
{
    private const int Seed = 20261122;

    [Fact]
    public void TenX_fuzz_1500_mutated_inputs_are_read_or_refused_naming_the_file()
    {
        var tally = TenXFuzzer.Run(1500, Seed);

        Assert.True(tally.Failed == 0, $"reproduce with: dotnet run -c Release --project bench/Dermis.Bench -- fuzz --target tenx --seed {Seed} --cases 1500\n{tally.Report()}");
        Assert.Equal(1500, tally.Count(FuzzOutcome.Accepted) + tally.Count(FuzzOutcome.Refused));
        Assert.InRange(tally.Count(FuzzOutcome.Refused), 750, 1450);
    }

    [Fact]
    public void ReadMex_corrupt_gzip_is_a_FormatException_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-fuzz-test-").FullName;
        try
        {
            // The gzip magic and method bytes, then a deflate block type 3 (reserved, RFC 1951 §3.2.3): not inflatable.
            File.WriteAllBytes(Path.Combine(folder, "matrix.mtx.gz"), [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff, 0x07, 0xff, 0xff, 0xff]);
            File.WriteAllText(Path.Combine(folder, "genes.tsv"), "G1\tA\n");
            File.WriteAllText(Path.Combine(folder, "barcodes.tsv"), "AAAC-1\n");

            var error = Assert.Throws<FormatException>(() => TenXReader.ReadMex(folder));

            Assert.StartsWith("matrix.mtx.gz: the gzip data are corrupt (", error.Message, StringComparison.Ordinal);
            Assert.IsType<InvalidDataException>(error.InnerException);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("3 2 -1", "size line '3 2 -1' is impossible: counts must be ≥ 0")]
    [InlineData("-3 2 1", "size line '-3 2 1' is impossible: counts must be ≥ 0")]
    [InlineData("3 2 2000000000", "expected 2000000000 entries as the size line says, found the end of the file after 1")]
    public void MatrixMarket_impossible_size_line_is_a_FormatException_not_an_overflow_or_a_huge_allocation(string sizeLine, string expected)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dermis-fuzz-test-").FullName, "matrix.mtx");
        try
        {
            File.WriteAllText(path, $"%%MatrixMarket matrix coordinate integer general\n{sizeLine}\n1 1 1\n");
            var before = GC.GetAllocatedBytesForCurrentThread();

            var error = Assert.Throws<FormatException>(() => MatrixMarketReader.Read(path));

            Assert.StartsWith("matrix.mtx", error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            // 2,000,000,000 declared entries would be 24 GB of arrays; the 6 bytes that follow the size line hold at most 2.
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "more than 1 MiB allocated for a 60-byte file");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void ReadMex_gzip_with_a_forged_2_GB_size_trailer_is_refused_without_reserving_the_forged_size()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-fuzz-test-").FullName;
        try
        {
            var text = "%%MatrixMarket matrix coordinate integer general\n1 1 1\n1 1 5\n"u8.ToArray();
            using var packed = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(text);
            }

            var bytes = packed.ToArray();
            // ISIZE (the last 4 bytes, RFC 1952 §2.3.1) forged to 2,000,000,000: without the 1032:1 cap the reader would reserve 1.9 GiB.
            BitConverter.GetBytes(2_000_000_000).CopyTo(bytes, bytes.Length - 4);
            File.WriteAllBytes(Path.Combine(folder, "matrix.mtx.gz"), bytes);
            File.WriteAllText(Path.Combine(folder, "genes.tsv"), "G1\tA\n", Encoding.UTF8);
            File.WriteAllText(Path.Combine(folder, "barcodes.tsv"), "AAAC-1\n", Encoding.UTF8);
            var before = GC.GetAllocatedBytesForCurrentThread();

            // The inflater checks the trailer at the end, so the file is refused; the buffer was sized before that.
            var error = Assert.Throws<FormatException>(() => TenXReader.ReadMex(folder));

            Assert.StartsWith("matrix.mtx.gz: the gzip data are corrupt (", error.Message, StringComparison.Ordinal);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024 * 1024, "the reader reserved more than 64 MiB for a 60-byte file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
