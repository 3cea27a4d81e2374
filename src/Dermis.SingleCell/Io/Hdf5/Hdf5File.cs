using System.Text;
using static Dermis.SingleCell.Io.Hdf5.Hdf5Native;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// One open HDF5 file addressed by absolute object paths ("/matrix/indptr"): existence, groups and their children,
/// attributes, and whole datasets read into managed arrays with HDF5 converting the stored type to the requested one.
/// Every failure is an <see cref="Hdf5Exception"/> naming the file and the object path. Callers hold
/// <see cref="Hdf5Library.Gate"/> for the whole time the file is open.
/// </summary>
internal sealed partial class Hdf5File : IDisposable
{
    private readonly long _file;
    private readonly Hdf5Library.Types _types;

    private Hdf5File(string path, long file, Hdf5Library.Types types)
    {
        FilePath = path;
        _file = file;
        _types = types;
    }

    /// <summary>The file's path as given.</summary>
    public string FilePath { get; }

    /// <summary>Opens an existing file read-only.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="Hdf5Exception">The file is not HDF5, or is truncated or corrupt.</exception>
    public static Hdf5File OpenRead(string path)
    {
        var types = Hdf5Library.Native;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var signature = H5Fis_hdf5(path);
        if (signature <= 0)
        {
            throw new Hdf5Exception(path, "/", "not an HDF5 file (no HDF5 signature); expected a 10x .h5 or an AnnData .h5ad file.");
        }

        var file = H5Fopen(path, ReadOnly, Default);
        if (file < 0)
        {
            throw new Hdf5Exception(path, "/", "the HDF5 file cannot be opened: it is probably truncated or corrupt.");
        }

        return new Hdf5File(path, file, types);
    }

    /// <summary>Creates (or truncates) a file for writing.</summary>
    /// <exception cref="Hdf5Exception">The file cannot be created.</exception>
    public static Hdf5File Create(string path)
    {
        var types = Hdf5Library.Native;
        var file = H5Fcreate(path, Truncate, Default, Default);
        if (file < 0)
        {
            throw new Hdf5Exception(path, "/", "the file cannot be created (folder missing or not writable?).");
        }

        return new Hdf5File(path, file, types);
    }

    /// <summary>An exception naming this file and <paramref name="path"/>.</summary>
    public Hdf5Exception Fail(string path, string problem) => new(FilePath, path, problem);

    /// <summary>Whether a link exists at <paramref name="path"/> (every component is checked, as H5Lexists requires).</summary>
    public bool Exists(string path)
    {
        var prefix = "";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            prefix += "/" + part;
            if (H5Lexists(_file, prefix, Default) <= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="path"/> exists and is a group (false for a dataset or nothing).</summary>
    public bool IsGroup(string path)
    {
        if (!Exists(path))
        {
            return false;
        }

        var obj = Check(H5Oopen(_file, path, Default), path, "cannot be opened");
        try
        {
            return H5Iget_type(obj) == IdentifierGroup;
        }
        finally
        {
            _ = H5Oclose(obj);
        }
    }

    /// <summary>Names of the links in group <paramref name="path"/>, in name order.</summary>
    public unsafe string[] Children(string path)
    {
        var group = Check(H5Gopen2(_file, path, Default), path, "is not a group");
        try
        {
            Check(H5Gget_info(group, out var info), path, "cannot be listed");
            var names = new string[info.LinkCount];
            for (var i = 0UL; i < info.LinkCount; i++)
            {
                var length = (int)Check(H5Lget_name_by_idx(group, ".", IndexName, IterateIncreasing, i, null, 0, Default), path, "cannot be listed");
                var buffer = new byte[length + 1];
                fixed (byte* b = buffer)
                {
                    Check(H5Lget_name_by_idx(group, ".", IndexName, IterateIncreasing, i, b, (nuint)buffer.Length, Default), path, "cannot be listed");
                }

                names[i] = Encoding.UTF8.GetString(buffer, 0, length);
            }

            return names;
        }
        finally
        {
            _ = H5Gclose(group);
        }
    }

    /// <summary>The dimensions of dataset <paramref name="path"/> (empty for a scalar).</summary>
    public ulong[] Dimensions(string path)
    {
        var dataset = OpenDataset(path);
        try
        {
            return SpaceDimensions(H5Dget_space(dataset), path);
        }
        finally
        {
            _ = H5Dclose(dataset);
        }
    }

    /// <summary>The HDF5 type class of dataset <paramref name="path"/> (<see cref="Hdf5Native.ClassInteger"/> …).</summary>
    public int TypeClass(string path)
    {
        var dataset = OpenDataset(path);
        var type = Check(H5Dget_type(dataset), path, "has no type");
        try
        {
            return H5Tget_class(type);
        }
        finally
        {
            _ = H5Tclose(type);
            _ = H5Dclose(dataset);
        }
    }

    /// <summary>Dataset <paramref name="path"/> as 32-bit integers (HDF5 converts narrower and wider integers).</summary>
    public int[] ReadInt32(string path) => ReadNumbers<int>(path, _types.Int32);

    /// <summary>Dataset <paramref name="path"/> as 64-bit integers.</summary>
    public long[] ReadInt64(string path) => ReadNumbers<long>(path, _types.Int64);

    /// <summary>Dataset <paramref name="path"/> as single precision (HDF5 converts integers and doubles).</summary>
    public float[] ReadFloat32(string path) => ReadNumbers<float>(path, _types.Float32);

    /// <summary>Dataset <paramref name="path"/> as double precision.</summary>
    public double[] ReadFloat64(string path) => ReadNumbers<double>(path, _types.Float64);

    /// <summary>
    /// Dataset <paramref name="path"/> as flags: h5py stores NumPy booleans as an 8-bit enum {FALSE, TRUE}, which
    /// HDF5 will not convert to an integer, so the stored bytes are read as they are.
    /// </summary>
    public unsafe bool[] ReadBooleans(string path)
    {
        var dataset = OpenDataset(path);
        var type = Check(H5Dget_type(dataset), path, "has no type");
        try
        {
            if (H5Tget_size(type) != 1)
            {
                throw Fail(path, $"expected 1-byte booleans, found {H5Tget_size(type)}-byte elements.");
            }

            var count = StoredCount(dataset, attribute: false, type, path);
            var bytes = new byte[count];
            fixed (byte* b = bytes)
            {
                Check(H5Dread(dataset, type, Default, Default, Default, b), path, "cannot be read (file truncated or corrupt?)");
            }

            var result = new bool[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = bytes[i] != 0;
            }

            return result;
        }
        finally
        {
            _ = H5Tclose(type);
            _ = H5Dclose(dataset);
        }
    }

    /// <summary>Dataset <paramref name="path"/> as strings (fixed-length or variable-length, ASCII or UTF-8).</summary>
    public string[] ReadStrings(string path)
    {
        var dataset = OpenDataset(path);
        try
        {
            return ReadStringValues(dataset, attribute: false, path);
        }
        finally
        {
            _ = H5Dclose(dataset);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _ = H5Fclose(_file);

    private unsafe T[] ReadNumbers<T>(string path, long memoryType)
        where T : unmanaged
    {
        var dataset = OpenDataset(path);
        var type = Check(H5Dget_type(dataset), path, "has no type");
        try
        {
            var typeClass = H5Tget_class(type);
            if (typeClass != ClassInteger && typeClass != ClassFloat)
            {
                throw Fail(path, $"expected a numeric dataset, found HDF5 type class {ClassName(typeClass)}.");
            }

            var result = new T[StoredCount(dataset, attribute: false, type, path)];
            fixed (T* p = result)
            {
                Check(H5Dread(dataset, memoryType, Default, Default, Default, p), path, "cannot be read (file truncated or corrupt?)");
            }

            return result;
        }
        finally
        {
            _ = H5Tclose(type);
            _ = H5Dclose(dataset);
        }
    }

    private long OpenDataset(string path)
    {
        if (!Exists(path))
        {
            throw Fail(path, "is missing.");
        }

        return Check(H5Dopen2(_file, path, Default), path, "is not a dataset");
    }

    private unsafe ulong[] SpaceDimensions(long space, string path)
    {
        Check(space, path, "has no dataspace");
        try
        {
            var rank = Check(H5Sget_simple_extent_ndims(space), path, "has an unreadable dataspace");
            var dims = new ulong[rank];
            fixed (ulong* d = dims)
            {
                Check(H5Sget_simple_extent_dims(space, d, null), path, "has an unreadable dataspace");
            }

            return dims;
        }
        finally
        {
            _ = H5Sclose(space);
        }
    }

    private int Count(ulong[] dims, string path)
    {
        var count = 1UL;
        foreach (var d in dims)
        {
            if (d != 0 && count > int.MaxValue / d)
            {
                throw Fail(path, $"has dimensions {string.Join(" × ", dims)}; at most {int.MaxValue} elements are supported.");
            }

            count *= d;
        }

        return (int)count;
    }

    /// <summary>
    /// The element count of a dataset or attribute about to be read, refused when its dataspace claims more data than its
    /// stored bytes can hold. A corrupt dataspace can declare a billion elements over a few kilobytes (fuzzing found a
    /// 2-element <c>shape</c> grown to 838,860,802: reading it filled 24 GB with fill values until the kernel killed the
    /// process); nothing these formats write inflates by more than deflate's limit, about 1,032:1.
    /// </summary>
    private int StoredCount(long obj, bool attribute, long fileType, string path)
    {
        var count = Count(SpaceDimensions(attribute ? H5Aget_space(obj) : H5Dget_space(obj), path), path);
        var logical = (ulong)count * (ulong)H5Tget_size(fileType);
        var stored = attribute ? H5Aget_storage_size(obj) : H5Dget_storage_size(obj);
        if (logical > (stored * MaxInflation) + FillAllowance)
        {
            throw Fail(path, $"declares {count} elements ({logical} bytes) but stores only {stored} bytes, more than any compression inflates to: the file is corrupt.");
        }

        return count;
    }

    private const ulong MaxInflation = 1032;

    // Small datasets written with fill values only (never written) store nothing; let them through.
    private const ulong FillAllowance = 1 << 20;

    private static string ClassName(int typeClass) => typeClass switch
    {
        ClassInteger => "integer",
        ClassFloat => "float",
        ClassString => "string",
        ClassEnum => "enum",
        6 => "compound",
        7 => "reference",
        _ => typeClass.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private long Check(long id, string path, string problem) => id < 0 ? throw Fail(path, problem + ".") : id;

    private int Check(int status, string path, string problem) => status < 0 ? throw Fail(path, problem + ".") : status;

    private nint Check(nint status, string path, string problem) => status < 0 ? throw Fail(path, problem + ".") : status;
}
