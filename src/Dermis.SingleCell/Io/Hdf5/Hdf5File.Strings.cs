using System.Runtime.InteropServices;
using System.Text;
using static Dermis.SingleCell.Io.Hdf5.Hdf5Native;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>Strings and attributes: the part of <see cref="Hdf5File"/> that reads text and per-object metadata.</summary>
internal sealed partial class Hdf5File
{
    /// <summary>Whether the object at <paramref name="path"/> exists and has the attribute <paramref name="name"/>.</summary>
    public bool HasAttribute(string path, string name) => Exists(path) && H5Aexists_by_name(_file, path, name, Default) > 0;

    /// <summary>The string attribute <paramref name="name"/> of <paramref name="path"/> (scalar or first element), or null when absent.</summary>
    public string? ReadStringAttribute(string path, string name) =>
        ReadStringArrayAttribute(path, name) is { Length: > 0 } values ? values[0] : null;

    /// <summary>The string-array attribute <paramref name="name"/> of <paramref name="path"/>, or null when absent.</summary>
    public string[]? ReadStringArrayAttribute(string path, string name)
    {
        if (!HasAttribute(path, name))
        {
            return null;
        }

        var where = $"{path} (attribute '{name}')";
        var attribute = Check(H5Aopen_by_name(_file, path, name, Default, Default), where, "cannot be opened");
        try
        {
            return ReadStringValues(attribute, attribute: true, where);
        }
        finally
        {
            _ = H5Aclose(attribute);
        }
    }

    /// <summary>The integer attribute <paramref name="name"/> of <paramref name="path"/> as 64-bit values, or null when absent.</summary>
    public unsafe long[]? ReadInt64Attribute(string path, string name)
    {
        if (!HasAttribute(path, name))
        {
            return null;
        }

        var where = $"{path} (attribute '{name}')";
        var attribute = Check(H5Aopen_by_name(_file, path, name, Default, Default), where, "cannot be opened");
        var type = Check(H5Aget_type(attribute), where, "has no type");
        try
        {
            if (H5Tget_class(type) != ClassInteger)
            {
                throw Fail(where, $"expected integers, found HDF5 type class {ClassName(H5Tget_class(type))}.");
            }

            var values = new long[StoredCount(attribute, attribute: true, type, where)];
            fixed (long* v = values)
            {
                Check(H5Aread(attribute, _types.Int64, v), where, "cannot be read");
            }

            return values;
        }
        finally
        {
            _ = H5Tclose(type);
            _ = H5Aclose(attribute);
        }
    }

    private unsafe string[] ReadStringValues(long obj, bool attribute, string path)
    {
        var type = Check(attribute ? H5Aget_type(obj) : H5Dget_type(obj), path, "has no type");
        var memory = -1L;
        try
        {
            var count = StoredCount(obj, attribute, type, path);
            if (count == 0)
            {
                // An empty list written by h5py from an empty NumPy array has a float type; it is still an empty list.
                return [];
            }

            if (H5Tget_class(type) != ClassString)
            {
                throw Fail(path, $"expected strings, found HDF5 type class {ClassName(H5Tget_class(type))}.");
            }

            var result = new string[count];
            if (H5Tis_variable_str(type) > 0)
            {
                // Variable-length: HDF5 allocates one C string per element; read into pointers, copy, then reclaim.
                memory = Check(H5Tcopy(_types.CString), path, "string type");
                _ = H5Tset_size(memory, VariableSize);
                _ = H5Tset_cset(memory, H5Tget_cset(type));
                var pointers = new nint[count];
                fixed (nint* p = pointers)
                {
                    Check(attribute ? H5Aread(obj, memory, p) : H5Dread(obj, memory, Default, Default, Default, p), path, "cannot be read (file truncated or corrupt?)");
                    for (var i = 0; i < count; i++)
                    {
                        result[i] = pointers[i] == 0 ? "" : Marshal.PtrToStringUTF8(pointers[i]) ?? "";
                    }

                    var space = attribute ? H5Aget_space(obj) : H5Dget_space(obj);
                    _ = H5Dvlen_reclaim(memory, space, Default, p);
                    _ = H5Sclose(space);
                }

                return result;
            }

            // Fixed-length: elements of `size` bytes, NUL-terminated or NUL/space-padded.
            var size = (int)H5Tget_size(type);
            memory = Check(H5Tcopy(type), path, "string type");
            var bytes = new byte[(long)count * size];
            fixed (byte* b = bytes)
            {
                Check(attribute ? H5Aread(obj, memory, b) : H5Dread(obj, memory, Default, Default, Default, b), path, "cannot be read (file truncated or corrupt?)");
            }

            for (var i = 0; i < count; i++)
            {
                var element = bytes.AsSpan(i * size, size);
                var end = element.IndexOf((byte)0);
                result[i] = Encoding.UTF8.GetString(end >= 0 ? element[..end] : element).TrimEnd(' ');
            }

            return result;
        }
        finally
        {
            if (memory >= 0)
            {
                _ = H5Tclose(memory);
            }

            _ = H5Tclose(type);
        }
    }
}
