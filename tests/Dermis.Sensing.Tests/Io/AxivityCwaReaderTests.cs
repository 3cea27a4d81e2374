using System.Buffers.Binary;
using Dermis.Sensing.Io;

namespace Dermis.Sensing.Tests.Io;

// Golden file: SKDH tests/io/data/ax3_sample.cwa and its expected decode (tests/data/skdh-testvectors/README.md).
// Tolerances. Acceleration: exact (k/256 g is exact in float). Time, SKDH convention: 1e-4 s (the reference CSV
// keeps 4 decimals; the largest difference seen is 5.1e-5 s). Time, Open Movement convention: one sample
// period (5 ms at 200 Hz), because using the block's fractional timestamp moves each block by less than one
// sample (largest difference seen 5.0 ms). Temperature, SKDH convention: 1e-5 °C.
public sealed class AxivityCwaReaderTests
{
    private const double SkdhTimeToleranceSeconds = 1e-4;
    private const double OneSamplePeriodSeconds = 1.0 / 200;

    private static readonly Lazy<byte[]> FileBytes = new(() => File.ReadAllBytes(SharedData.PathOf("skdh-testvectors", "io", "ax3_sample.cwa")));

    private static readonly Lazy<AccelerometerRecording> Skdh = new(() => AxivityCwaReader.Read(new MemoryStream(FileBytes.Value), CwaConvention.Skdh));

    private static readonly Lazy<AccelerometerRecording> OpenMovement = new(() => AxivityCwaReader.Read(new MemoryStream(FileBytes.Value)));

    private static readonly Lazy<DecodedCsv> Expected = new(() => DecodedCsv.Load("skdh-testvectors", "io", "ax3_decoded.csv"));

    [Fact]
    public void Read_sample_file_has_header_values()
    {
        var recording = OpenMovement.Value;

        Assert.Equal(58_800, recording.Count);
        Assert.Equal(200.0, recording.SampleRateHz);
        Assert.Equal("AX3", recording.DeviceType);
        Assert.Equal("51888", recording.Serial);
        Assert.Null(recording.UtcOffset);
        Assert.Null(recording.Light);
    }

    [Fact]
    public void Read_skdh_convention_first_and_last_samples_match_skdh()
    {
        var recording = Skdh.Value;
        var expected = Expected.Value;

        foreach (var i in new[] { 0, 1, 2, 58_797, 58_798, 58_799 })
        {
            Assert.Equal(expected.Time[i], recording.TimeUnixSeconds[i], SkdhTimeToleranceSeconds);
            Assert.Equal((float)expected.X[i], recording.X[i]);
            Assert.Equal((float)expected.Y[i], recording.Y[i]);
            Assert.Equal((float)expected.Z[i], recording.Z[i]);
        }

        Assert.Equal(1581498217.48, recording.TimeUnixSeconds[0], 1e-9);
        Assert.Equal(-0.09375f, recording.X[0]);
        Assert.Equal(0.375f, recording.Z[58_799]);
    }

    [Fact]
    public void Read_skdh_convention_all_samples_within_tolerance_of_skdh()
    {
        var recording = Skdh.Value;
        var expected = Expected.Value;

        Assert.Equal(0.0, DecodedCsv.MaxAbsError(recording.X, expected.X));
        Assert.Equal(0.0, DecodedCsv.MaxAbsError(recording.Y, expected.Y));
        Assert.Equal(0.0, DecodedCsv.MaxAbsError(recording.Z, expected.Z));
        Assert.True(DecodedCsv.MaxAbsError(recording.TimeUnixSeconds, expected.Time) < SkdhTimeToleranceSeconds);
        Assert.True(DecodedCsv.MaxAbsError(recording.TemperatureC!, expected.Temperature) < 1e-5);
    }

    [Fact]
    public void Read_open_movement_convention_is_within_one_sample_of_skdh_time()
    {
        var recording = OpenMovement.Value;
        var expected = Expected.Value;

        Assert.Equal(0.0, DecodedCsv.MaxAbsError(recording.X, expected.X));
        Assert.Equal(0.0, DecodedCsv.MaxAbsError(recording.Y, expected.Y));
        Assert.Equal(0.0, DecodedCsv.MaxAbsError(recording.Z, expected.Z));
        var timeError = DecodedCsv.MaxAbsError(recording.TimeUnixSeconds, expected.Time);
        Assert.True(timeError < OneSamplePeriodSeconds + SkdhTimeToleranceSeconds, $"max time error {timeError} s");
        Assert.True(timeError > 1e-3, "the fractional timestamps of this file should move blocks by milliseconds");
    }

    [Fact]
    public void Read_open_movement_convention_uses_manufacturer_temperature()
    {
        var recording = OpenMovement.Value;
        var expected = Expected.Value;

        foreach (var i in new[] { 0, 30_000, 58_799 })
        {
            // Recover the raw 10-bit value from SKDH's (raw − 171) / 3.142, then apply raw × 75 / 256 − 50.
            var raw = Math.Round((expected.Temperature[i] * 3.142) + 171);
            Assert.Equal((float)((raw * 75.0 / 256.0) - 50.0), recording.TemperatureC![i]);
        }
    }

    [Fact]
    public void Read_time_is_continuous_across_blocks()
    {
        var time = Skdh.Value.TimeUnixSeconds;

        for (var i = 1; i < time.Length; i++)
        {
            var step = time[i] - time[i - 1];
            Assert.InRange(step, 0.9 * OneSamplePeriodSeconds, 1.1 * OneSamplePeriodSeconds);
        }
    }

    [Fact]
    public void Read_corrupted_block_throws_naming_block_index()
    {
        var bytes = (byte[])FileBytes.Value.Clone();
        bytes[(10 * AxivityCwaReader.BlockBytes) + 100] ^= 0x40;

        var error = Assert.Throws<FormatException>(() => AxivityCwaReader.Read(new MemoryStream(bytes)));

        Assert.StartsWith("Axivity CWA block 10 (byte offset 5120): checksum failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_truncated_file_throws_naming_last_block()
    {
        var bytes = FileBytes.Value.AsSpan(0, FileBytes.Value.Length - 100).ToArray();

        var error = Assert.Throws<FormatException>(() => AxivityCwaReader.Read(new MemoryStream(bytes)));

        Assert.Equal("truncated Axivity CWA file: block 491 (byte offset 251392) has 412 of 512 bytes.", error.Message);
    }

    [Fact]
    public void Read_other_file_throws_naming_first_bytes()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"));

        var error = Assert.Throws<FormatException>(() => AxivityCwaReader.Read(new MemoryStream(bytes)));

        Assert.Equal("not an Axivity CWA file: the first two bytes are 0x44 0x65 ('De'), expected \"MD\".", error.Message);
    }

    [Fact]
    public void Read_header_only_gives_empty_recording()
    {
        var bytes = FileBytes.Value.AsSpan(0, 1024).ToArray();

        var recording = AxivityCwaReader.Read(new MemoryStream(bytes));

        Assert.Equal(0, recording.Count);
        Assert.Equal(200.0, recording.SampleRateHz);
    }

    [Fact]
    public void Read_unseekable_stream_gives_same_samples()
    {
        var recording = AxivityCwaReader.Read(new ForwardOnlyStream(FileBytes.Value), CwaConvention.Skdh);

        Assert.Equal(Skdh.Value.TimeUnixSeconds, recording.TimeUnixSeconds);
        Assert.Equal(Skdh.Value.X, recording.X);
        Assert.Equal(Skdh.Value.TemperatureC, recording.TemperatureC);
    }

    [Fact]
    public void Read_sixteen_bit_block_decodes_signed_values()
    {
        // Re-pack block 2 of the sample as 80 samples of 3 × int16 (AX3 unpacked format) and fix its checksum.
        var bytes = FileBytes.Value.AsSpan(0, 3 * AxivityCwaReader.BlockBytes).ToArray();
        var block = bytes.AsSpan(2 * AxivityCwaReader.BlockBytes, AxivityCwaReader.BlockBytes);
        block[25] = 0x32;
        BinaryPrimitives.WriteUInt16LittleEndian(block[28..], 80);
        for (var i = 0; i < 80; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(block[(30 + (6 * i))..], (short)(i - 40));
            BinaryPrimitives.WriteInt16LittleEndian(block[(32 + (6 * i))..], 256);
            BinaryPrimitives.WriteInt16LittleEndian(block[(34 + (6 * i))..], (short)(-512 * (i % 2)));
        }

        FixChecksum(block);

        var recording = AxivityCwaReader.Read(new MemoryStream(bytes));

        Assert.Equal(80, recording.Count);
        Assert.Equal(-40f / 256, recording.X[0]);
        Assert.Equal(39f / 256, recording.X[79]);
        Assert.Equal(1f, recording.Y[5]);
        Assert.Equal(-2f, recording.Z[1]);
    }

    private static void FixChecksum(Span<byte> block)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(block[510..], 0);
        ushort sum = 0;
        for (var i = 0; i < 510; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16LittleEndian(block[i..]);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(block[510..], (ushort)-sum);
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1000)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));
    }
}
