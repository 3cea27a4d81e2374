using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dermis.Sensing.Io;

/// <summary>
/// Reads an Axivity AX3/AX6 continuous wave accelerometer (<c>.cwa</c>) file: a 1,024-byte metadata header
/// (<c>"MD"</c>) followed by 512-byte blocks; data blocks (<c>"AX"</c>) hold up to 120 samples each.
/// </summary>
/// <remarks>
/// <para>
/// Layout per Open Movement <c>cwa.h</c> (Newcastle University, github.com/digitalinteraction/openmovement).
/// Every data block's 256 little-endian 16-bit words must sum to 0 (mod 65,536); a block that does not is
/// reported, never skipped. Samples are either one 32-bit word per sample (three 10-bit two's complement
/// axes x, y, z from the low bits up, then a 2-bit exponent e; value = axis × 2^e) or 16-bit signed values per
/// channel; for AX6 blocks (6 or 9 channels) the gyroscope comes first and only the accelerometer channels 3–5
/// are kept. Acceleration in g = value / 2^(8 + s), where s is the top 3 bits of the block's light word (0, so
/// 1/256 g, on the AX3). Blocks that are not <c>"AX"</c> (usage, session information) are skipped.
/// </para>
/// <para>
/// Time: a block's packed date-time (year since 2000, month, day, hour, minute, second; the device's local
/// wall clock, see <see cref="AccelerometerRecording"/>) is the time of the sample at the block's signed
/// <c>timestampOffset</c>, so the block nominally starts at <c>t0 = timestamp − offset / fs</c> and ends at
/// <c>t1 = t0 + count / fs</c>, fs from the block's rate code (3200 / 2^(15 − code &amp; 15) Hz). As in SKDH,
/// when a block's <c>t0</c> lies within 1 s of the previous block's <c>t1</c> the block starts at that
/// <c>t1</c> instead, and its samples are spread evenly from the start to its own <c>t1</c>: time is
/// interpolated between consecutive block timestamps, so it is continuous and tracks the device clock. (SKDH
/// also snaps when the clock steps back by more than 1 s; this reader keeps such a step.) The fractional
/// timestamp and the temperature formula follow <see cref="CwaConvention"/>.
/// </para>
/// <para>The recording's <see cref="AccelerometerRecording.SampleRateHz"/> is the header's configured rate.</para>
/// </remarks>
public static class AxivityCwaReader
{
    /// <summary>Bytes in one CWA block.</summary>
    public const int BlockBytes = 512;

    private const ushort HeaderMetadata = 0x444D; // "MD" little-endian
    private const ushort HeaderData = 0x5841; // "AX" little-endian
    private const int DataPayloadOffset = 30;
    private const int DataPayloadBytes = 480;
    private const int ChunkBlocks = 2048;

    /// <summary>Decodes a whole CWA file with the manufacturer's conventions (<see cref="CwaConvention.OpenMovement"/>).</summary>
    /// <param name="stream">A readable stream positioned at the start of the file; read to its end, not closed.</param>
    /// <returns>The recording with per-block temperature; no light (the AX3 reports it uncalibrated).</returns>
    /// <exception cref="FormatException">
    /// Not a CWA file ("not an Axivity CWA file: …"), a truncated file, a data block with a bad checksum or an
    /// unsupported or inconsistent layout; the message names the block index (512-byte units from the file start)
    /// and byte offset.
    /// </exception>
    public static AccelerometerRecording Read(Stream stream) => Read(stream, CwaConvention.OpenMovement);

    /// <summary>Decodes a whole CWA file following <paramref name="convention"/> where decoders differ.</summary>
    /// <param name="stream">A readable stream positioned at the start of the file; read to its end, not closed.</param>
    /// <param name="convention">Fractional-timestamp and temperature convention; <see cref="CwaConvention.Skdh"/> reproduces SKDH.</param>
    /// <returns>The recording with per-block temperature; no light.</returns>
    /// <exception cref="FormatException">As for <see cref="Read(Stream)"/>.</exception>
    public static AccelerometerRecording Read(Stream stream, CwaConvention convention)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (convention is not (CwaConvention.OpenMovement or CwaConvention.Skdh))
        {
            throw new ArgumentOutOfRangeException(nameof(convention), convention, "Use CwaConvention.OpenMovement or CwaConvention.Skdh.");
        }

        var startPosition = stream.CanSeek ? stream.Position : 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBlocks * BlockBytes);
        try
        {
            var filled = stream.ReadAtLeast(buffer.AsSpan(0, ChunkBlocks * BlockBytes), ChunkBlocks * BlockBytes, throwOnEndOfStream: false);
            var header = Header.Parse(buffer.AsSpan(0, filled));
            var decoder = new BlockDecoder(convention);
            var capacity = stream.CanSeek
                ? EstimateCapacity(stream.Length - startPosition, header.Bytes, buffer.AsSpan(0, filled))
                : 1 << 16;
            var columns = new Columns(capacity);
            long fileOffset = 0;
            var offsetInChunk = header.Bytes;
            while (true)
            {
                var whole = (filled - offsetInChunk) / BlockBytes;
                for (var i = 0; i < whole; i++)
                {
                    var at = offsetInChunk + (i * BlockBytes);
                    decoder.Decode(buffer.AsSpan(at, BlockBytes), (fileOffset + at) / BlockBytes, columns);
                }

                var consumed = offsetInChunk + (whole * BlockBytes);
                var left = filled - consumed;
                if (filled < ChunkBlocks * BlockBytes)
                {
                    if (left > 0)
                    {
                        var index = (fileOffset + consumed) / BlockBytes;
                        throw new FormatException($"truncated Axivity CWA file: block {index} (byte offset {(fileOffset + consumed).ToString(CultureInfo.InvariantCulture)}) has {left} of {BlockBytes} bytes.");
                    }

                    break;
                }

                buffer.AsSpan(consumed, left).CopyTo(buffer);
                fileOffset += consumed;
                offsetInChunk = 0;
                filled = left + stream.ReadAtLeast(buffer.AsSpan(left, (ChunkBlocks * BlockBytes) - left), (ChunkBlocks * BlockBytes) - left, throwOnEndOfStream: false);
            }

            columns.Trim();
            return new AccelerometerRecording(header.DeviceType, header.SampleRateHz, columns.Time, columns.X, columns.Y, columns.Z)
            {
                Serial = header.Serial,
                TemperatureC = columns.Temperature,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Blocks left × samples in the first data block: exact for a uniform file, so no final copy.
    private static int EstimateCapacity(long fileBytes, int headerBytes, ReadOnlySpan<byte> firstChunk)
    {
        var blocks = Math.Max(0, (fileBytes - headerBytes) / BlockBytes);
        var perBlock = 120;
        for (var at = headerBytes; at + BlockBytes <= firstChunk.Length; at += BlockBytes)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(firstChunk[at..]) == HeaderData)
            {
                perBlock = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(firstChunk[(at + 28)..]), 1, 120);
                break;
            }
        }

        return (int)Math.Min(blocks * perBlock, Array.MaxLength);
    }

    private sealed class Header
    {
        public required int Bytes { get; init; }

        public required double SampleRateHz { get; init; }

        public required string DeviceType { get; init; }

        public required string Serial { get; init; }

        public static Header Parse(ReadOnlySpan<byte> data)
        {
            if (data.Length < 2)
            {
                throw new FormatException($"not an Axivity CWA file: it has {data.Length} byte(s), fewer than the 2-byte \"MD\" header marker.");
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(data) != HeaderMetadata)
            {
                throw new FormatException($"not an Axivity CWA file: the first two bytes are 0x{data[0]:X2} 0x{data[1]:X2} ('{Ascii(data[0])}{Ascii(data[1])}'), expected \"MD\".");
            }

            if (data.Length < 4)
            {
                throw new FormatException("truncated Axivity CWA file: it ends inside the metadata header.");
            }

            var bytes = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]) + 4;
            if (bytes % BlockBytes != 0)
            {
                throw new FormatException($"Axivity CWA header: the metadata block is {bytes} bytes, not a multiple of {BlockBytes}; the file is corrupt.");
            }

            if (data.Length < bytes)
            {
                throw new FormatException($"truncated Axivity CWA file: it has {data.Length} bytes, fewer than its {bytes}-byte metadata header.");
            }

            var hardwareType = data[4];
            uint deviceId = BinaryPrimitives.ReadUInt16LittleEndian(data[5..]);
            var upper = BinaryPrimitives.ReadUInt16LittleEndian(data[11..]);
            if (upper != 0xFFFF)
            {
                deviceId |= (uint)upper << 16;
            }

            var sensorConfig = data[35];
            var hasGyro = sensorConfig is not (0x00 or 0xFF);
            return new Header
            {
                Bytes = bytes,
                SampleRateHz = RateHz(data[36]),
                DeviceType = hardwareType == 0x64 || hasGyro ? "AX6" : "AX3",
                Serial = deviceId.ToString(CultureInfo.InvariantCulture),
            };
        }

        private static char Ascii(byte b) => b is >= 0x20 and <= 0x7E ? (char)b : '?';
    }

    internal static double RateHz(byte code) => 3200.0 / (1 << (15 - (code & 0x0F)));

    private sealed class BlockDecoder(CwaConvention convention)
    {
        private double _previousEnd = double.NaN;
        private uint _cachedStamp;
        private long _cachedSeconds = long.MinValue;

        // Fully optimised from the first call: a one-shot file read would otherwise spend its hot loop in tier-0 code.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Decode(ReadOnlySpan<byte> block, long index, Columns columns)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(block) != HeaderData)
            {
                return;
            }

            var length = BinaryPrimitives.ReadUInt16LittleEndian(block[2..]);
            if (length != BlockBytes - 4)
            {
                throw Error(index, $"the data block length field is {length}, expected {BlockBytes - 4}");
            }

            var sum = Checksum(block);
            if (sum != 0)
            {
                throw Error(index, $"checksum failed: the 256 16-bit words sum to 0x{sum:X4} instead of 0; the file is corrupt at this block");
            }

            var count = BinaryPrimitives.ReadUInt16LittleEndian(block[28..]);
            if (count == 0)
            {
                return;
            }

            var axesAndPacking = block[25];
            var channels = axesAndPacking >> 4;
            var packing = axesAndPacking & 0x0F;
            int bytesPerSample;
            if (packing == 0)
            {
                if (channels != 3)
                {
                    throw Error(index, $"packed 32-bit samples need 3 channels, the block declares {channels}");
                }

                bytesPerSample = 4;
            }
            else if (packing == 2)
            {
                if (channels is not (3 or 6 or 9))
                {
                    throw Error(index, $"{channels} channels is not 3 (accelerometer), 6 (+ gyroscope) or 9 (+ magnetometer)");
                }

                bytesPerSample = 2 * channels;
            }
            else
            {
                throw Error(index, $"packing code {packing} is not 0 (packed 3 × 10 bit) or 2 (16-bit signed)");
            }

            if (count * bytesPerSample > DataPayloadBytes)
            {
                throw Error(index, $"{count} samples of {bytesPerSample} bytes do not fit the {DataPayloadBytes}-byte payload");
            }

            var stamp = BinaryPrimitives.ReadUInt32LittleEndian(block[14..]);
            if (stamp != _cachedStamp || _cachedSeconds == long.MinValue)
            {
                _cachedSeconds = UnixSeconds(stamp) ?? throw Error(index, $"the packed timestamp 0x{stamp:X8} is not a valid date and time");
                _cachedStamp = stamp;
            }

            var rateHz = RateHz(block[24]);
            double timestampOffset = BinaryPrimitives.ReadInt16LittleEndian(block[26..]);
            double timestamp = _cachedSeconds;
            var fractionField = BinaryPrimitives.ReadUInt16LittleEndian(block[4..]);
            if (convention == CwaConvention.OpenMovement && (fractionField & 0x8000) != 0)
            {
                // cwa.h: the device already shifted timestampOffset by the whole samples the fraction spans,
                // for readers that ignore it; undo that shift and use the true 16-bit fraction instead.
                var fraction = (fractionField & 0x7FFF) << 1;
                timestampOffset += (fraction * (int)rateHz) >> 16;
                timestamp += fraction / 65536.0;
            }

            var t0 = timestamp - (timestampOffset / rateHz);
            var t1 = t0 + (count / rateHz);
            var start = Math.Abs(t0 - _previousEnd) < 1.0 ? _previousEnd : t0;
            _previousEnd = t1;

            var rawTemperature = BinaryPrimitives.ReadUInt16LittleEndian(block[20..]) & 0x3FF;
            var temperatureC = convention == CwaConvention.Skdh
                ? (float)((rawTemperature - 171.0) / 3.142)
                : (float)((rawTemperature * 75.0 / 256.0) - 50.0);
            var scale = 1f / (1 << (8 + (BinaryPrimitives.ReadUInt16LittleEndian(block[18..]) >> 13)));

            var at = columns.Reserve(count);
            var x = columns.X.AsSpan(at, count);
            var y = columns.Y.AsSpan(at, count);
            var z = columns.Z.AsSpan(at, count);
            var payload = block.Slice(DataPayloadOffset, count * bytesPerSample);
            if (packing == 0)
            {
                UnpackPacked(payload, scale, x, y, z);
            }
            else
            {
                UnpackInt16(payload, channels, scale, x, y, z);
            }

            var step = (t1 - start) / count;
            var time = columns.Time.AsSpan(at, count);
            for (var i = 0; i < time.Length; i++)
            {
                time[i] = start + (i * step);
            }

            columns.Temperature.AsSpan(at, count).Fill(temperatureC);
        }

        // Bits of each word, most significant first: eezzzzzz zzzzyyyy yyyyyyxx xxxxxxxx.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void UnpackPacked(ReadOnlySpan<byte> payload, float scale, Span<float> x, Span<float> y, Span<float> z)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var word = BinaryPrimitives.ReadUInt32LittleEndian(payload[(i * 4)..]);
                var exponent = (int)(word >> 30);
                x[i] = (((int)(word << 22) >> 22) << exponent) * scale;
                y[i] = (((int)(word << 12) >> 22) << exponent) * scale;
                z[i] = (((int)(word << 2) >> 22) << exponent) * scale;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void UnpackInt16(ReadOnlySpan<byte> payload, int channels, float scale, Span<float> x, Span<float> y, Span<float> z)
        {
            var stride = channels * 2;
            var accel = channels == 3 ? 0 : 6; // AX6: gyroscope x, y, z come first
            for (var i = 0; i < x.Length; i++)
            {
                var sample = payload.Slice((i * stride) + accel, 6);
                x[i] = BinaryPrimitives.ReadInt16LittleEndian(sample) * scale;
                y[i] = BinaryPrimitives.ReadInt16LittleEndian(sample[2..]) * scale;
                z[i] = BinaryPrimitives.ReadInt16LittleEndian(sample[4..]) * scale;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Checksum(ReadOnlySpan<byte> block)
        {
            uint sum = 0;
            for (var i = 0; i < BlockBytes; i += 2)
            {
                sum += BinaryPrimitives.ReadUInt16LittleEndian(block[i..]);
            }

            return (int)(sum & 0xFFFF);
        }

        // Packed as (MSB) YYYYYYMM MMDDDDDh hhhhmmmm mmssssss (LSB), year since 2000.
        private static long? UnixSeconds(uint stamp)
        {
            var year = 2000 + (int)((stamp >> 26) & 0x3F);
            var month = (int)((stamp >> 22) & 0x0F);
            var day = (int)((stamp >> 17) & 0x1F);
            var hour = (int)((stamp >> 12) & 0x1F);
            var minute = (int)((stamp >> 6) & 0x3F);
            var second = (int)(stamp & 0x3F);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return null;
            }

            long days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
            return (days * 86_400) + (hour * 3_600) + (minute * 60) + second;
        }

        private static FormatException Error(long index, string problem) =>
            new($"Axivity CWA block {index} (byte offset {(index * BlockBytes).ToString(CultureInfo.InvariantCulture)}): {problem}.");
    }

    // Every element below Count is written before it is read, and Trim cuts the rest, so no zeroing is needed.
    private sealed class Columns(int capacity)
    {
        public double[] Time { get; private set; } = GC.AllocateUninitializedArray<double>(capacity);

        public float[] X { get; private set; } = GC.AllocateUninitializedArray<float>(capacity);

        public float[] Y { get; private set; } = GC.AllocateUninitializedArray<float>(capacity);

        public float[] Z { get; private set; } = GC.AllocateUninitializedArray<float>(capacity);

        public float[] Temperature { get; private set; } = GC.AllocateUninitializedArray<float>(capacity);

        public int Count { get; private set; }

        // Returns the index where count new samples go, growing the arrays when needed.
        public int Reserve(int count)
        {
            var at = Count;
            if (at + count > Time.Length)
            {
                Resize((int)Math.Min(Math.Max((long)Time.Length * 2, (long)at + count), Array.MaxLength));
            }

            Count = at + count;
            return at;
        }

        public void Trim()
        {
            if (Count != Time.Length)
            {
                Resize(Count);
            }
        }

        private void Resize(int length)
        {
            var time = Time;
            var x = X;
            var y = Y;
            var z = Z;
            var temperature = Temperature;
            Array.Resize(ref time, length);
            Array.Resize(ref x, length);
            Array.Resize(ref y, length);
            Array.Resize(ref z, length);
            Array.Resize(ref temperature, length);
            (Time, X, Y, Z, Temperature) = (time, x, y, z, temperature);
        }
    }
}
