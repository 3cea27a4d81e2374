using System.Buffers.Binary;
using System.Text;
using Dermis.Sensing.Ingest;

namespace Dermis.Sensing.Tests.Ingest;

public sealed class SampleBatchFormatTests
{
    // 2026-03-27T22:00:00Z in Unix microseconds.
    private const long Night = 1_774_648_800_000_000;

    private static byte[] Binary(int count = 20, string id = "b-1") =>
        SampleBatchFormat.Write(new SampleBatch(id, SampleKind.Accelerometer, Night, 20, new float[count * 3]));

    [Fact]
    public void Write_then_Read_gives_back_the_batch()
    {
        float[] samples = [0.01f, -0.02f, 0.98f, 0.03f, 0f, 1.01f];

        var batch = SampleBatchFormat.Read(SampleBatchFormat.Write(new SampleBatch("n1-0001", SampleKind.Accelerometer, Night, 20, samples)));

        Assert.Equal(("n1-0001", SampleKind.Accelerometer, Night, 20f, 2), (batch.BatchId, batch.Kind, batch.StartUnixMicros, batch.SampleRateHz, batch.Count));
        Assert.Equal(samples, batch.Samples);
        Assert.Equal(Night + 100_000, batch.EndUnixMicros); // 2 samples at 20 Hz
    }

    [Fact]
    public void Read_count_far_above_the_body_is_refused_before_allocating()
    {
        var bytes = Binary();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(52), SampleBatchFormat.MaxSamples);
        var tooMany = Binary();
        BinaryPrimitives.WriteUInt32LittleEndian(tooMany.AsSpan(52), uint.MaxValue);

        Assert.Equal("body: 1000000 samples of 3 channel(s) need 12000056 bytes; got 296", Assert.Throws<FormatException>(() => SampleBatchFormat.Read(bytes)).Message);
        Assert.Equal("count: 4294967295 samples is outside 1–1000000", Assert.Throws<FormatException>(() => SampleBatchFormat.Read(tooMany)).Message);
    }

    [Fact]
    public void Read_empty_or_non_ascii_batch_id_is_refused()
    {
        var empty = Binary();
        empty.AsSpan(8, 32).Clear();
        var accented = Binary();
        accented[8] = 0xE9;

        Assert.StartsWith("batch id: '' must be 1–32", Assert.Throws<FormatException>(() => SampleBatchFormat.Read(empty)).Message, StringComparison.Ordinal);
        Assert.StartsWith("batch id: '?-1' must be 1–32", Assert.Throws<FormatException>(() => SampleBatchFormat.Read(accented)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_radio_rows_with_a_byte_order_mark_give_rate_and_start()
    {
        var batch = SampleBatchFormat.ReadCsv(new StringReader("\uFEFFtime,displacement\n1774648800.0,1.5\n1774648800.1,1.25\n1774648800.2,-0.5\n"), "r-1");

        Assert.Equal((SampleKind.RadioDisplacement, Night, 3), (batch.Kind, batch.StartUnixMicros, batch.Count));
        Assert.Equal(10f, batch.SampleRateHz, 1e-4f);
        Assert.Equal([1.5f, 1.25f, -0.5f], batch.Samples);
    }

    [Theory]
    [InlineData("time,x,y,z\n1774648800.0,0,0,1\n", "line 2: a CSV batch needs at least 2 samples to give its rate; got 1")]
    [InlineData("time,x,y,z\n1774648800.1,0,0,1\n1774648800.0,0,0,1\n", "line 3: time 1774648800 is not after the previous sample's")]
    [InlineData("time,x,y,z\nNaN,0,0,1\nNaN,0,0,1\n", "line 2, column 1: time must be Unix seconds (e.g. 1774652400.05); got 'NaN'")]
    [InlineData("time,x,y,z\n1774648800.0,0,0,1\nInfinity,0,0,1\n", "line 3, column 1: time must be Unix seconds")]
    [InlineData("time,x,y,z\n1774648800.0,0,0,1\n1774648800.05,0,0,1\n1774648800.5,0,0,1\n", "line 3: time is 0.2 s off a constant rate of 4 Hz; send a gap as a new batch")]
    [InlineData("time,x,y,z\n1774648800.0,0,0,NaN\n1774648800.05,0,0,1\n", "sample 0: NaN is outside ±32 g")]
    [InlineData("time,x,y\n", "line 1: the header must be 'time,x,y,z' or 'time,displacement'; got 'time,x,y'")]
    [InlineData("", "line 1: the header must be 'time,x,y,z' or 'time,displacement'; got ''")]
    [InlineData("time,x,y,z\n1774648800.0,0,0\n", "line 2: expected 4 fields; got 3")]
    public void ReadCsv_malformed_batch_names_the_line(string csv, string expectedStart)
    {
        var error = Assert.Throws<FormatException>(() => SampleBatchFormat.ReadCsv(new StringReader(csv), "c-1"));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("x123456789012345678901234567890123")]
    public void ReadCsv_bad_batch_id_is_refused(string id)
    {
        var csv = Encoding.UTF8.GetString("time,x,y,z\n1774648800.0,0,0,1\n1774648800.05,0,0,1\n"u8);

        var error = Assert.Throws<FormatException>(() => SampleBatchFormat.ReadCsv(new StringReader(csv), id));

        Assert.StartsWith($"batch id: '{id}' must be 1–32 letters, digits, '-' or '_'", error.Message, StringComparison.Ordinal);
    }
}
