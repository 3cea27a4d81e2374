namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// A malformed, truncated or unexpected HDF5 file (10x <c>.h5</c> or AnnData <c>.h5ad</c>): the message starts with the
/// file name and the object path inside it ("pbmc.h5ad: /raw/X/indptr: …"). A <see cref="FormatException"/>, like the
/// MEX readers' errors, so callers treat every bad input file alike.
/// </summary>
public sealed class Hdf5Exception : FormatException
{
    /// <summary>Creates the exception; the message is "<c>file</c>: <c>objectPath</c>: <c>problem</c>".</summary>
    /// <param name="filePath">The HDF5 file.</param>
    /// <param name="objectPath">The group, dataset or attribute path inside the file ("/" for the file itself).</param>
    /// <param name="problem">What is wrong and, where known, what was expected.</param>
    public Hdf5Exception(string filePath, string objectPath, string problem)
        : base($"{Path.GetFileName(filePath)}: {objectPath}: {problem}")
    {
        FilePath = filePath;
        ObjectPath = objectPath;
    }

    /// <summary>Creates the exception with a plain message (for serialisers and tests).</summary>
    public Hdf5Exception()
        : this("", "/", "HDF5 error")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    /// <param name="message">The message.</param>
    public Hdf5Exception(string message)
        : base(message)
    {
        FilePath = "";
        ObjectPath = "/";
    }

    /// <summary>Creates the exception with a plain message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public Hdf5Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
        ObjectPath = "/";
    }

    private Hdf5Exception(string message, string filePath, string objectPath, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = filePath;
        ObjectPath = objectPath;
    }

    /// <summary>An exception already worded (by the HDF5 worker process), with its file and object path.</summary>
    internal static Hdf5Exception Worded(string message, string filePath, string objectPath) => new(message, filePath, objectPath, null);

    /// <summary>The HDF5 file.</summary>
    public string FilePath { get; }

    /// <summary>The object path inside the file ("/" for the file itself).</summary>
    public string ObjectPath { get; }
}
