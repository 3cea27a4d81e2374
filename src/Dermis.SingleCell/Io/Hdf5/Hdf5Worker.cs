namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// The child side of <see cref="Hdf5Sandbox"/>: reads one JSON request per line, runs the read it describes with the
/// in-process readers and answers one JSON line. If the system HDF5 library crashes on a corrupt file, it is this
/// process that dies, and the parent reports the file as corrupt.
/// </summary>
public static class Hdf5Worker
{
    /// <summary>Serves requests from <paramref name="input"/> until it ends; returns the process exit code (0).</summary>
    /// <param name="input">Requests, one per line (the parent's pipe).</param>
    /// <param name="output">Replies, one per line, flushed after each.</param>
    public static int Serve(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        while (input.ReadLine() is { } line)
        {
            output.WriteLine(Answer(line).ToJson());
            output.Flush();
        }

        return 0;
    }

    internal static Hdf5ReadReply Answer(string line)
    {
        Hdf5ReadRequest? request;
        try
        {
            request = Hdf5ReadRequest.FromJson(line);
        }
        catch (System.Text.Json.JsonException e)
        {
            return new Hdf5ReadReply(Hdf5ReadReply.Threw, "not a read request: " + e.Message, Exception: nameof(ArgumentException));
        }

        if (request is null)
        {
            return new Hdf5ReadReply(Hdf5ReadReply.Threw, "not a read request: null", Exception: nameof(ArgumentException));
        }

        try
        {
            var matrix = request.Read();
            return new Hdf5ReadReply(Hdf5ReadReply.Read, null, matrix.CellCount, matrix.GeneCount);
        }
#pragma warning disable CA1031 // Every exception is an answer: the parent throws it again (Hdf5Sandbox.Rethrow).
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Hdf5ReadReply(Hdf5ReadReply.Threw, e.Message, Exception: e.GetType().Name, ObjectPath: (e as Hdf5Exception)?.ObjectPath);
        }
    }
}
