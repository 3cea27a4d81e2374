using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Dermis.Sensing.Ingest;

/// <summary>
/// The compact binary batch format devices send (media type <c>application/vnd.dermis.samples</c>,
/// docs/sensing.md), little-endian:
/// <code>
/// 0   4   magic "DRMS"
/// 4   1   version (1)
/// 5   1   kind: 1 accelerometer (x, y, z in g), 2 radio displacement (mm)
/// 6   2   reserved, 0
/// 8   32  batch id, ASCII, padded with zero bytes
/// 40  8   first sample time, Unix microseconds (int64)
/// 48  4   sample rate, Hz (float32)
/// 52  4   samples per channel, n (uint32)
/// 56  n × channels × 4   float32 samples, interleaved by channel
/// </code>
/// and a CSV form (<c>time,x,y,z</c> or <c>time,displacement</c>, time in Unix seconds) for devices
/// and files that cannot write binary. Every refusal names the field and the allowed range.
/// </summary>
public static class SampleBatchFormat
{
    /// <summary>Bytes before the samples.</summary>
    public const int HeaderBytes = 56;

    /// <summary>Most samples per channel in one batch (about 14 h at 20 Hz).</summary>
    public const int MaxSamples = 1_000_000;

    private static ReadOnlySpan<byte> Magic => "DRMS"u8;

    /// <summary>Writes <paramref name="batch"/> in the binary format.</summary>
    public static byte[] Write(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var bytes = new byte[HeaderBytes + (batch.Samples.Length * 4)];
        Magic.CopyTo(bytes);
        bytes[4] = 1;
        bytes[5] = (byte)batch.Kind;
        Encoding.ASCII.GetBytes(batch.BatchId, bytes.AsSpan(8, 32));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(40), batch.StartUnixMicros);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(48), batch.SampleRateHz);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(52), (uint)batch.Count);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(batch.Samples.AsSpan()).CopyTo(bytes.AsSpan(HeaderBytes));
        return bytes;
    }

    /// <summary>Reads a binary batch.</summary>
    /// <exception cref="FormatException">The bytes are not a valid batch; the message names the field.</exception>
    public static SampleBatch Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes || !bytes[..4].SequenceEqual(Magic))
        {
            throw new FormatException($"body: not a Dermis sample batch (expected {HeaderBytes} header bytes starting with \"DRMS\"; got {bytes.Length} bytes)");
        }

        if (bytes[4] != 1)
        {
            throw new FormatException($"version: {bytes[4]} is not supported; allowed: 1");
        }

        if (bytes[5] is not (1 or 2))
        {
            throw new FormatException($"kind: {bytes[5]} is not a sample kind; allowed: 1 (accelerometer), 2 (radio displacement)");
        }

        var kind = (SampleKind)bytes[5];
        var idBytes = bytes.Slice(8, 32);
        var end = idBytes.IndexOf((byte)0);
        var batchId = Encoding.ASCII.GetString(end < 0 ? idBytes : idBytes[..end]);
        var start = BinaryPrimitives.ReadInt64LittleEndian(bytes[40..]);
        var rate = BinaryPrimitives.ReadSingleLittleEndian(bytes[48..]);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[52..]);
        var channels = SampleBatch.ChannelsOf(kind);
        CheckHeader(batchId, start, rate, count);
        var expected = HeaderBytes + ((long)count * channels * 4);
        if (bytes.Length != expected)
        {
            throw new FormatException($"body: {count} samples of {channels} channel(s) need {expected} bytes; got {bytes.Length}");
        }

        var samples = new float[count * channels];
        bytes[HeaderBytes..].CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()));
        CheckValues(samples, kind);
        return new SampleBatch(batchId, kind, start, rate, samples);
    }

    /// <summary>Reads a CSV batch: a header <c>time,x,y,z</c> (accelerometer) or <c>time,displacement</c>, then one row per sample with Unix seconds.</summary>
    /// <exception cref="FormatException">Malformed; the message names the line.</exception>
    public static SampleBatch ReadCsv(TextReader reader, string batchId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine()?.Trim().TrimStart('\uFEFF').ToLowerInvariant();
        var kind = header switch
        {
            "time,x,y,z" => SampleKind.Accelerometer,
            "time,displacement" => SampleKind.RadioDisplacement,
            _ => throw new FormatException($"line 1: the header must be 'time,x,y,z' or 'time,displacement'; got '{Io.GeneActivReader.Printable(header ?? "")}'"),
        };
        var channels = SampleBatch.ChannelsOf(kind);
        var times = new List<double>();
        var values = new List<float>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length != channels + 1)
            {
                throw new FormatException($"line {line}: expected {channels + 1} fields; got {fields.Length}");
            }

            if (!double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var time) || !double.IsFinite(time))
            {
                throw new FormatException($"line {line}, column 1: time must be Unix seconds (e.g. 1774652400.05); got '{fields[0]}'");
            }

            times.Add(time);
            for (var c = 1; c <= channels; c++)
            {
                if (!float.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new FormatException($"line {line}, column {c + 1}: not a number: '{fields[c]}'");
                }

                values.Add(value);
            }
        }

        if (times.Count < 2)
        {
            throw new FormatException($"line {line}: a CSV batch needs at least 2 samples to give its rate; got {times.Count}");
        }

        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] <= times[i - 1])
            {
                throw new FormatException($"line {i + 2}: time {times[i].ToString(CultureInfo.InvariantCulture)} is not after the previous sample's");
            }
        }

        // A constant rate: the mean interval; samples must not stray from it by more than half an interval.
        var rate = (times.Count - 1) / (times[^1] - times[0]);
        for (var i = 0; i < times.Count; i++)
        {
            var expected = times[0] + (i / rate);
            if (Math.Abs(times[i] - expected) > 0.5 / rate)
            {
                throw new FormatException($"line {i + 2}: time is {Math.Abs(times[i] - expected).ToString("0.###", CultureInfo.InvariantCulture)} s off a constant rate of {rate.ToString("0.###", CultureInfo.InvariantCulture)} Hz; send a gap as a new batch");
            }
        }

        var start = (long)Math.Round(times[0] * 1_000_000);
        CheckHeader(batchId, start, (float)rate, (uint)times.Count);
        var samples = values.ToArray();
        CheckValues(samples, kind);
        return new SampleBatch(batchId, kind, start, (float)rate, samples);
    }

    private static void CheckHeader(string batchId, long start, float rate, uint count)
    {
        if (batchId.Length is < 1 or > 32 || !batchId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new FormatException($"batch id: '{batchId}' must be 1–32 letters, digits, '-' or '_'");
        }

        // 2000-01-01 to 2100-01-01.
        if (start is < 946_684_800_000_000 or > 4_102_444_800_000_000)
        {
            throw new FormatException($"start: {start} µs is outside 2000–2100 (Unix microseconds, UTC)");
        }

        if (!float.IsFinite(rate) || rate is < 1 or > 1000)
        {
            throw new FormatException($"sample rate: {rate.ToString(CultureInfo.InvariantCulture)} Hz is outside 1–1000 Hz");
        }

        if (count is < 1 or > MaxSamples)
        {
            throw new FormatException($"count: {count} samples is outside 1–{MaxSamples}");
        }
    }

    private static void CheckValues(float[] samples, SampleKind kind)
    {
        var limit = kind == SampleKind.Accelerometer ? 32f : 1000f;
        for (var i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]) || Math.Abs(samples[i]) > limit)
            {
                var channels = SampleBatch.ChannelsOf(kind);
                throw new FormatException($"sample {i / channels}: {samples[i].ToString(CultureInfo.InvariantCulture)} is outside ±{limit.ToString(CultureInfo.InvariantCulture)} {(kind == SampleKind.Accelerometer ? "g" : "mm")}");
            }
        }
    }
}
