using Dermis.SingleCell.Io.Hdf5;

namespace Dermis.SingleCell.Tests.Hdf5;

// Broken inputs must give one message naming the file and the object path, never an HDF5 error-stack dump.
public sealed class Hdf5BadInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dermis-h5-bad-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_textFile_isNotHdf5()
    {
        var path = Path.Combine(_folder, "matrix.h5");
        File.WriteAllText(path, "barcode,count\nAAAC-1,3\n");

        var tenX = Assert.Throws<Hdf5Exception>(() => TenXH5Reader.Read(path));
        var h5ad = Assert.Throws<Hdf5Exception>(() => H5adReader.Read(path));

        Assert.Equal("matrix.h5: /: not an HDF5 file (no HDF5 signature); expected a 10x .h5 or an AnnData .h5ad file.", tenX.Message);
        Assert.Equal(tenX.Message, h5ad.Message);
        Assert.Equal(path, tenX.FilePath);
    }

    [Fact]
    public void Read_truncatedH5_saysTruncated()
    {
        var path = Path.Combine(_folder, "filtered_feature_bc_matrix.h5");
        var bytes = File.ReadAllBytes(TestData.PathOf("scanpy-10x", "v3", "filtered_feature_bc_matrix.h5"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<Hdf5Exception>(() => TenXH5Reader.Read(path));

        Assert.Equal("filtered_feature_bc_matrix.h5: /: the HDF5 file cannot be opened: it is probably truncated or corrupt.", e.Message);
    }

    [Fact]
    public void Read_h5adWithoutAnyMatrix_namesX()
    {
        var path = Path.Combine(_folder, "empty.h5ad");
        Build(path, _ => { });

        var e = Assert.Throws<Hdf5Exception>(() => H5adReader.Read(path));

        Assert.Equal("empty.h5ad: /X: is missing and the file holds no other matrix (X, raw/X, layers/*); expected an AnnData .h5ad file.", e.Message);
        Assert.Equal("/X", e.ObjectPath);
    }

    [Fact]
    public void Read_indptrLongerThanShapeSays_namesIndptrAndShape()
    {
        var path = Path.Combine(_folder, "bad_indptr.h5");
        Build(path, f => TenX(f, indptr: [0, 1, 2, 2], barcodes: ["A-1", "B-1"]));

        var e = Assert.Throws<Hdf5Exception>(() => TenXH5Reader.Read(path));

        Assert.Equal("bad_indptr.h5: /matrix/indptr: has 4 entries but /matrix/shape gives 2 compressed rows; expected 3.", e.Message);
    }

    [Fact]
    public void Read_moreBarcodesThanCells_namesBarcodes()
    {
        var path = Path.Combine(_folder, "bad_barcodes.h5");
        Build(path, f => TenX(f, indptr: [0, 1, 2], barcodes: ["A-1", "B-1", "C-1"]));

        var e = Assert.Throws<Hdf5Exception>(() => TenXH5Reader.Read(path));

        Assert.Equal("bad_barcodes.h5: /matrix/barcodes: has 3 barcodes but /matrix/shape gives 2 cells; expected one barcode per cell.", e.Message);
    }

    [Fact]
    public void Read_validHandWrittenV3_givesTheHandMatrix()
    {
        // The same writer as the broken cases, consistent: 3 genes × 2 cells, cell A gene 0 = 5, cell B gene 2 = 7.
        var path = Path.Combine(_folder, "good.h5");
        Build(path, f => TenX(f, indptr: [0, 1, 2], barcodes: ["A-1", "B-1"]));

        var m = TenXH5Reader.Read(path);

        Assert.Equal(["A-1", "B-1"], m.Cells.Barcodes);
        Assert.Equal(["G0", "G1", "G2"], m.Genes.Names);
        Assert.Equal(5f, m.X[0, 0]);
        Assert.Equal(7f, m.X[1, 2]);
        Assert.Equal(2, m.X.NonZeroCount);
    }

    private static void Build(string path, Action<Hdf5File> write)
    {
        lock (Hdf5Library.Gate)
        {
            using var file = Hdf5File.Create(path);
            write(file);
            file.Flush();
        }
    }

    private static void TenX(Hdf5File f, int[] indptr, string[] barcodes)
    {
        f.CreateGroup("/matrix");
        f.Write("/matrix/shape", [3L, 2L], 2);
        f.Write("/matrix/indptr", indptr, (ulong)indptr.Length);
        f.Write("/matrix/indices", [0L, 2L], 2);
        f.Write("/matrix/data", [5, 7], 2);
        f.Write("/matrix/barcodes", barcodes);
        f.CreateGroup("/matrix/features");
        f.Write("/matrix/features/id", ["E0", "E1", "E2"]);
        f.Write("/matrix/features/name", ["G0", "G1", "G2"]);
        f.Write("/matrix/features/feature_type", ["Gene Expression", "Gene Expression", "Gene Expression"]);
    }
}
