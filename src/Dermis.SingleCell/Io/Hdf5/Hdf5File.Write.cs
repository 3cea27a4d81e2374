using System.Runtime.InteropServices;
using static Dermis.SingleCell.Io.Hdf5.Hdf5Native;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Writing: groups, contiguous datasets and attributes in the types h5py (and so AnnData) writes — variable-length
/// UTF-8 strings, little-endian numbers, booleans as the 8-bit enum {FALSE = 0, TRUE = 1}.
/// </summary>
internal sealed partial class Hdf5File
{
    /// <summary>Flushes everything written to disk, so that a failure shows here and not silently in <see cref="Dispose"/>.</summary>
    public void Flush() => Check(H5Fflush(_file, 1), "/", "cannot be flushed to disk (disk full?)"); // 1 = H5F_SCOPE_GLOBAL

    /// <summary>Creates group <paramref name="path"/> (its parent must exist).</summary>
    public void CreateGroup(string path) => _ = H5Gclose(Check(H5Gcreate2(_file, path, Default, Default, Default), path, "cannot be created"));

    /// <summary>Writes a 32-bit integer dataset of shape <paramref name="dims"/>.</summary>
    public void Write(string path, ReadOnlySpan<int> values, params ulong[] dims) => WriteNumbers(path, values, _types.Int32, dims);

    /// <summary>Writes a 64-bit integer dataset.</summary>
    public void Write(string path, ReadOnlySpan<long> values, params ulong[] dims) => WriteNumbers(path, values, _types.Int64, dims);

    /// <summary>Writes a single-precision dataset.</summary>
    public void Write(string path, ReadOnlySpan<float> values, params ulong[] dims) => WriteNumbers(path, values, _types.Float32, dims);

    /// <summary>Writes a double-precision dataset.</summary>
    public void Write(string path, ReadOnlySpan<double> values, params ulong[] dims) => WriteNumbers(path, values, _types.Float64, dims);

    /// <summary>Writes an 8-bit integer dataset (categorical codes).</summary>
    public void Write(string path, ReadOnlySpan<sbyte> values, params ulong[] dims) => WriteNumbers(path, values, _types.Int8, dims);

    /// <summary>Writes a one-dimensional boolean dataset as h5py's enum.</summary>
    public unsafe void Write(string path, ReadOnlySpan<bool> values)
    {
        var type = BooleanType(path);
        try
        {
            var bytes = new byte[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                bytes[i] = values[i] ? (byte)1 : (byte)0;
            }

            fixed (byte* b = bytes)
            {
                WriteDataset(path, type, [(ulong)values.Length], b);
            }
        }
        finally
        {
            _ = H5Tclose(type);
        }
    }

    /// <summary>Writes a one-dimensional dataset of variable-length UTF-8 strings (a scalar when <paramref name="scalar"/>).</summary>
    public unsafe void Write(string path, IReadOnlyList<string> values, bool scalar = false)
    {
        var type = StringType(path);
        var pointers = Utf8(values);
        try
        {
            fixed (nint* p = pointers)
            {
                WriteDataset(path, type, scalar ? [] : [(ulong)values.Count], p);
            }
        }
        finally
        {
            Free(pointers);
            _ = H5Tclose(type);
        }
    }

    /// <summary>Writes a scalar variable-length UTF-8 string attribute (how AnnData stores <c>encoding-type</c>).</summary>
    public void WriteAttribute(string path, string name, string value) => WriteStringAttribute(path, name, [value], scalar: true);

    /// <summary>Writes a one-dimensional string-array attribute (AnnData's <c>column-order</c>).</summary>
    public void WriteAttribute(string path, string name, IReadOnlyList<string> values) => WriteStringAttribute(path, name, values, scalar: false);

    /// <summary>Writes a one-dimensional 64-bit integer attribute (AnnData's sparse <c>shape</c>).</summary>
    public unsafe void WriteAttribute(string path, string name, ReadOnlySpan<long> values)
    {
        fixed (long* v = values)
        {
            WriteAttributeBytes(path, name, _types.Int64, [(ulong)values.Length], v);
        }
    }

    /// <summary>Writes a scalar boolean attribute (AnnData's categorical <c>ordered</c>).</summary>
    public unsafe void WriteAttribute(string path, string name, bool value)
    {
        var type = BooleanType(path);
        try
        {
            var b = value ? (byte)1 : (byte)0;
            WriteAttributeBytes(path, name, type, [], &b);
        }
        finally
        {
            _ = H5Tclose(type);
        }
    }

    private unsafe void WriteStringAttribute(string path, string name, IReadOnlyList<string> values, bool scalar)
    {
        if (values.Count == 0 && !scalar)
        {
            // What h5py writes for an empty list (anndata's column-order of a frame without columns): float64, shape (0,).
            WriteAttributeBytes(path, name, _types.Float64, [0], null);
            return;
        }

        var type = StringType(path);
        var pointers = Utf8(values);
        try
        {
            fixed (nint* p = pointers)
            {
                WriteAttributeBytes(path, name, type, scalar ? [] : [(ulong)values.Count], p);
            }
        }
        finally
        {
            Free(pointers);
            _ = H5Tclose(type);
        }
    }

    private unsafe void WriteNumbers<T>(string path, ReadOnlySpan<T> values, long type, ulong[] dims)
        where T : unmanaged
    {
        var count = 1UL;
        foreach (var d in dims)
        {
            count *= d;
        }

        if (count != (ulong)values.Length)
        {
            throw Fail(path, $"{values.Length} values for shape ({string.Join(", ", dims)}).");
        }

        fixed (T* v = values)
        {
            WriteDataset(path, type, dims, v);
        }
    }

    private unsafe void WriteDataset(string path, long type, ulong[] dims, void* buffer)
    {
        var space = CreateSpace(dims, path);
        try
        {
            var dataset = Check(H5Dcreate2(_file, path, type, space, Default, Default, Default), path, "cannot be created");
            try
            {
                // HDF5 rejects a null buffer, which is what an empty array pins to; an empty dataset needs no write.
                if (buffer != null)
                {
                    Check(H5Dwrite(dataset, type, Default, Default, Default, buffer), path, "cannot be written");
                }
            }
            finally
            {
                _ = H5Dclose(dataset);
            }
        }
        finally
        {
            _ = H5Sclose(space);
        }
    }

    private unsafe void WriteAttributeBytes(string path, string name, long type, ulong[] dims, void* buffer)
    {
        var where = $"{path} (attribute '{name}')";
        var space = CreateSpace(dims, where);
        try
        {
            var attribute = Check(H5Acreate_by_name(_file, path, name, type, space, Default, Default, Default), where, "cannot be created");
            try
            {
                if (buffer != null)
                {
                    Check(H5Awrite(attribute, type, buffer), where, "cannot be written");
                }
            }
            finally
            {
                _ = H5Aclose(attribute);
            }
        }
        finally
        {
            _ = H5Sclose(space);
        }
    }

    private unsafe long CreateSpace(ulong[] dims, string path)
    {
        if (dims.Length == 0)
        {
            return Check(H5Screate(ScalarSpace), path, "dataspace");
        }

        fixed (ulong* d = dims)
        {
            return Check(H5Screate_simple(dims.Length, d, null), path, "dataspace");
        }
    }

    private long StringType(string path)
    {
        var type = Check(H5Tcopy(_types.CString), path, "string type");
        _ = H5Tset_size(type, VariableSize);
        _ = H5Tset_cset(type, CharsetUtf8);
        return type;
    }

    private unsafe long BooleanType(string path)
    {
        var type = Check(H5Tenum_create(_types.Int8), path, "boolean type");
        sbyte no = 0, yes = 1;
        _ = H5Tenum_insert(type, "FALSE", &no);
        _ = H5Tenum_insert(type, "TRUE", &yes);
        return type;
    }

    private static nint[] Utf8(IReadOnlyList<string> values)
    {
        var pointers = new nint[values.Count];
        for (var i = 0; i < pointers.Length; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return pointers;
    }

    private static void Free(nint[] pointers)
    {
        foreach (var p in pointers)
        {
            Marshal.FreeCoTaskMem(p);
        }
    }
}
