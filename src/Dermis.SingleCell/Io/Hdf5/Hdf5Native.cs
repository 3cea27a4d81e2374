using System.Runtime.InteropServices;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// The HDF5 1.10 C API calls the readers and writer use (source-generated P/Invoke). <c>hid_t</c> is 64-bit since
/// 1.10 (<c>long</c>), <c>herr_t</c>/<c>htri_t</c> are <c>int</c> (negative = failure), <c>hsize_t</c> is <c>ulong</c>.
/// </summary>
/// <remarks>
/// The library name "hdf5" is mapped to the installed shared object by <see cref="Hdf5Library"/>'s import resolver.
/// Nothing here is thread-safe: Debian's serial build is not, so every caller holds <see cref="Hdf5Library.Gate"/>.
/// </remarks>
internal static partial class Hdf5Native
{
    public const string Library = "hdf5";

    public const long Default = 0;       // H5P_DEFAULT, H5S_ALL and H5E_DEFAULT are all (hid_t)0 in 1.10.
    public const uint ReadOnly = 0;      // H5F_ACC_RDONLY
    public const uint Truncate = 2;      // H5F_ACC_TRUNC
    public const int ScalarSpace = 0;    // H5S_SCALAR
    public const int IdentifierGroup = 2;   // H5I_GROUP
    public const int IdentifierDataset = 5; // H5I_DATASET
    public const int ClassInteger = 0;   // H5T_INTEGER
    public const int ClassFloat = 1;     // H5T_FLOAT
    public const int ClassString = 3;    // H5T_STRING
    public const int ClassEnum = 8;      // H5T_ENUM
    public const int CharsetUtf8 = 1;    // H5T_CSET_UTF8
    public const int IndexName = 0;      // H5_INDEX_NAME
    public const int IterateIncreasing = 0; // H5_ITER_INC
    public static readonly nuint VariableSize = nuint.MaxValue; // H5T_VARIABLE ((size_t)-1)

    /// <summary>H5G_info_t: storage type (enum), number of links, max creation order, mounted flag.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct GroupInfo
    {
        public int StorageType;
        public ulong LinkCount;
        public long MaxCreationOrder;
        public byte Mounted;
    }

    [LibraryImport(Library)] public static partial int H5open();
    [LibraryImport(Library)] public static partial int H5Eset_auto2(long stack, nint function, nint data);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial int H5Fis_hdf5(string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Fopen(string name, uint flags, long accessList);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Fcreate(string name, uint flags, long createList, long accessList);
    [LibraryImport(Library)] public static partial int H5Fclose(long file);
    [LibraryImport(Library)] public static partial int H5Fflush(long objectId, int scope);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Gopen2(long location, string name, long accessList);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Gcreate2(long location, string name, long linkList, long createList, long accessList);
    [LibraryImport(Library)] public static partial int H5Gget_info(long group, out GroupInfo info);
    [LibraryImport(Library)] public static partial int H5Gclose(long group);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial int H5Lexists(long location, string name, long accessList);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial nint H5Lget_name_by_idx(long location, string groupName, int indexType, int order, ulong n, byte* name, nuint size, long accessList);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Oopen(long location, string name, long accessList);
    [LibraryImport(Library)] public static partial int H5Oclose(long objectId);
    [LibraryImport(Library)] public static partial int H5Iget_type(long id);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Dopen2(long location, string name, long accessList);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Dcreate2(long location, string name, long type, long space, long linkList, long createList, long accessList);
    [LibraryImport(Library)] public static partial long H5Dget_type(long dataset);
    [LibraryImport(Library)] public static partial long H5Dget_space(long dataset);
    [LibraryImport(Library)] public static unsafe partial int H5Dread(long dataset, long memoryType, long memorySpace, long fileSpace, long transferList, void* buffer);
    [LibraryImport(Library)] public static unsafe partial int H5Dwrite(long dataset, long memoryType, long memorySpace, long fileSpace, long transferList, void* buffer);
    [LibraryImport(Library)] public static unsafe partial int H5Dvlen_reclaim(long type, long space, long transferList, void* buffer);
    [LibraryImport(Library)] public static partial ulong H5Dget_storage_size(long dataset);
    [LibraryImport(Library)] public static partial int H5Dclose(long dataset);

    [LibraryImport(Library)] public static partial long H5Screate(int type);
    [LibraryImport(Library)] public static unsafe partial long H5Screate_simple(int rank, ulong* dims, ulong* maxDims);
    [LibraryImport(Library)] public static partial int H5Sget_simple_extent_ndims(long space);
    [LibraryImport(Library)] public static unsafe partial int H5Sget_simple_extent_dims(long space, ulong* dims, ulong* maxDims);
    [LibraryImport(Library)] public static partial int H5Sclose(long space);

    [LibraryImport(Library)] public static partial int H5Tget_class(long type);
    [LibraryImport(Library)] public static partial nuint H5Tget_size(long type);
    [LibraryImport(Library)] public static partial int H5Tis_variable_str(long type);
    [LibraryImport(Library)] public static partial int H5Tget_cset(long type);
    [LibraryImport(Library)] public static partial long H5Tcopy(long type);
    [LibraryImport(Library)] public static partial int H5Tset_size(long type, nuint size);
    [LibraryImport(Library)] public static partial int H5Tset_cset(long type, int charset);
    [LibraryImport(Library)] public static partial long H5Tenum_create(long baseType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static unsafe partial int H5Tenum_insert(long type, string name, void* value);
    [LibraryImport(Library)] public static partial int H5Tclose(long type);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial int H5Aexists_by_name(long location, string objectName, string attributeName, long accessList);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] public static partial long H5Aopen_by_name(long location, string objectName, string attributeName, long attributeAccess, long linkAccess);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Acreate_by_name(long location, string objectName, string attributeName, long type, long space, long createList, long attributeAccess, long linkAccess);
    [LibraryImport(Library)] public static partial long H5Aget_type(long attribute);
    [LibraryImport(Library)] public static partial long H5Aget_space(long attribute);
    [LibraryImport(Library)] public static unsafe partial int H5Aread(long attribute, long memoryType, void* buffer);
    [LibraryImport(Library)] public static unsafe partial int H5Awrite(long attribute, long memoryType, void* buffer);
    [LibraryImport(Library)] public static partial ulong H5Aget_storage_size(long attribute);
    [LibraryImport(Library)] public static partial int H5Aclose(long attribute);
}
