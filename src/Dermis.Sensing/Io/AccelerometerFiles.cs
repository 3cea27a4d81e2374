namespace Dermis.Sensing.Io;

/// <summary>Opens an accelerometer file with the reader its extension names.</summary>
public static class AccelerometerFiles
{
    /// <summary>
    /// Reads <paramref name="path"/>: <c>.bin</c> with <see cref="GeneActivReader"/>, <c>.cwa</c> with
    /// <see cref="AxivityCwaReader"/> (manufacturer conventions), <c>.csv</c> with
    /// <see cref="AccelerometerCsvReader"/> (rate estimated); the extension is matched case-insensitively.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The decoded recording.</returns>
    /// <exception cref="FormatException">
    /// The extension is none of those, or the content is not what it claims or is truncated; the message
    /// starts with the file name, e.g. "night1.bin: not a GENEActiv file: the first line is …".
    /// </exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static AccelerometerRecording Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        var name = Path.GetFileName(path);
        Func<Stream, AccelerometerRecording> read = extension.ToUpperInvariant() switch
        {
            ".BIN" => GeneActivReader.Read,
            ".CWA" => AxivityCwaReader.Read,
            ".CSV" => ReadCsv,
            _ => throw new FormatException($"{name}: unsupported file extension '{extension}'; expected .bin (GENEActiv), .cwa (Axivity AX3/AX6) or .csv (time,x,y,z)."),
        };

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        try
        {
            return read(stream);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{name}: {e.Message}", e);
        }
    }

    private static AccelerometerRecording ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        return AccelerometerCsvReader.Read(reader);
    }
}
