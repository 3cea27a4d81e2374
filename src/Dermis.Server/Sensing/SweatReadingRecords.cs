using System.Buffers.Binary;

namespace Dermis.Server.Sensing;

/// <summary>One patch reading as stored: time, channel index into its batch's channels, raw response, temperature and sweat rate (NaN when not reported).</summary>
/// <param name="UnixMicros">Time, Unix microseconds (UTC).</param>
/// <param name="Channel">Index into the batch's channels.</param>
/// <param name="Response">Raw transducer response (e.g. ΔZ/Z₀ in %); NaN for a failed channel.</param>
/// <param name="TemperatureC">Patch temperature, °C, or NaN.</param>
/// <param name="SweatRate">Sweat rate, µL/min/cm², or NaN.</param>
internal readonly record struct SweatReadingRecord(long UnixMicros, ushort Channel, float Response, float TemperatureC, float SweatRate);

/// <summary>
/// The packed form of a batch's readings in <c>sweat_batch.readings</c> (migration 0008): 22 bytes per
/// reading, little-endian int64 time, uint16 channel, float32 response, temperature and sweat rate.
/// </summary>
internal static class SweatReadingRecords
{
    /// <summary>Bytes per reading.</summary>
    public const int Size = 22;

    /// <summary>Packs readings.</summary>
    public static byte[] Pack(IReadOnlyList<SweatReadingRecord> readings)
    {
        var bytes = new byte[readings.Count * Size];
        var span = bytes.AsSpan();
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            var at = span.Slice(i * Size, Size);
            BinaryPrimitives.WriteInt64LittleEndian(at, r.UnixMicros);
            BinaryPrimitives.WriteUInt16LittleEndian(at[8..], r.Channel);
            BinaryPrimitives.WriteSingleLittleEndian(at[10..], r.Response);
            BinaryPrimitives.WriteSingleLittleEndian(at[14..], r.TemperatureC);
            BinaryPrimitives.WriteSingleLittleEndian(at[18..], r.SweatRate);
        }

        return bytes;
    }

    /// <summary>Unpacks what <see cref="Pack"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The length is not a whole number of readings.</exception>
    public static SweatReadingRecord[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % Size != 0)
        {
            throw new InvalidDataException($"A stored sweat batch has {bytes.Length} bytes, not a multiple of {Size}.");
        }

        var readings = new SweatReadingRecord[bytes.Length / Size];
        for (var i = 0; i < readings.Length; i++)
        {
            var at = bytes.Slice(i * Size, Size);
            readings[i] = new SweatReadingRecord(BinaryPrimitives.ReadInt64LittleEndian(at), BinaryPrimitives.ReadUInt16LittleEndian(at[8..]),
                BinaryPrimitives.ReadSingleLittleEndian(at[10..]), BinaryPrimitives.ReadSingleLittleEndian(at[14..]), BinaryPrimitives.ReadSingleLittleEndian(at[18..]));
        }

        return readings;
    }
}
