using System.Reflection;
using System.Runtime.InteropServices;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// Loads the system HDF5 library once: resolves "hdf5" to the installed shared object, initialises it
/// (<c>H5open</c>), silences its automatic error-stack printing (failures become <see cref="Hdf5Exception"/>s) and
/// reads the predefined type ids, which in 1.10 are exported variables (<c>H5T_NATIVE_INT_g</c> …) valid only
/// after <c>H5open</c>.
/// </summary>
internal static class Hdf5Library
{
    // Debian 12's libhdf5-103-1 ships only the serial build under this soname; the others cover other distributions.
    private static readonly string[] s_candidates = ["libhdf5_serial.so.103", "libhdf5.so.103", "libhdf5.so", "hdf5"];
    private static readonly Lazy<Types> s_types = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static nint s_handle;

    /// <summary>The serial HDF5 build is not thread-safe: every use of the API holds this lock.</summary>
    public static Lock Gate { get; } = new();

    /// <summary>The predefined native types, loading the library on first use.</summary>
    /// <exception cref="InvalidOperationException">No HDF5 1.10 shared library could be loaded.</exception>
    public static Types Native => s_types.Value;

    private static Types Load()
    {
        NativeLibrary.SetDllImportResolver(typeof(Hdf5Library).Assembly, Resolve);
        if (Resolve(Hdf5Native.Library, typeof(Hdf5Library).Assembly, null) == 0)
        {
            throw new InvalidOperationException(
                $"the HDF5 library is not installed (looked for {string.Join(", ", s_candidates)}): install Debian's libhdf5-103-1 (test.sh does) to read .h5 and .h5ad files.");
        }

        if (Hdf5Native.H5open() < 0 || Hdf5Native.H5Eset_auto2(Hdf5Native.Default, 0, 0) < 0)
        {
            throw new InvalidOperationException("the HDF5 library could not be initialised (H5open failed).");
        }

        return new Types(
            Int8: Global("H5T_NATIVE_SCHAR_g"),
            Int32: Global("H5T_NATIVE_INT_g"),
            Int64: Global("H5T_NATIVE_LLONG_g"),
            Float32: Global("H5T_NATIVE_FLOAT_g"),
            Float64: Global("H5T_NATIVE_DOUBLE_g"),
            CString: Global("H5T_C_S1_g"));
    }

    private static long Global(string name) => Marshal.ReadInt64(NativeLibrary.GetExport(s_handle, name));

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Hdf5Native.Library)
        {
            return 0;
        }

        if (s_handle != 0)
        {
            return s_handle;
        }

        foreach (var candidate in s_candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                s_handle = handle;
                return handle;
            }
        }

        return 0;
    }

    /// <summary>Ids of the predefined native memory types (1.10: values of exported globals, read after <c>H5open</c>).</summary>
    internal sealed record Types(long Int8, long Int32, long Int64, long Float32, long Float64, long CString);
}
