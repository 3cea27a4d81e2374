using Dermis.Sensing.Io;

namespace Dermis.Sensing.Tests.Io;

public sealed class AccelerometerCsvReaderTests
{
    [Fact]
    public void Write_then_read_gives_back_the_same_numbers()
    {
        AccelerometerRecording original;
        using (var stream = File.OpenRead(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin")))
        {
            original = GeneActivReader.Read(stream);
        }

        var text = new StringWriter();
        AccelerometerCsvReader.Write(original, text);
        var copy = AccelerometerCsvReader.Read(new StringReader(text.ToString()));

        Assert.Equal(original.TimeUnixSeconds, copy.TimeUnixSeconds);
        Assert.Equal(original.X, copy.X);
        Assert.Equal(original.Y, copy.Y);
        Assert.Equal(original.Z, copy.Z);
        Assert.Equal(original.TemperatureC, copy.TemperatureC);
        Assert.Equal(original.Light, copy.Light);
        Assert.Equal(50.0, copy.SampleRateHz, 1e-6);
        Assert.Equal("csv", copy.DeviceType);
        Assert.StartsWith("time,x,y,z,temperature,light\n1558455403.5,-0.8805,0.1975,0.0402,28.2,0\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_skdh_decoded_export_accepts_its_column_names()
    {
        using var reader = File.OpenText(SharedData.PathOf("skdh-testvectors", "io", "ax3_decoded.csv"));

        var recording = AccelerometerCsvReader.Read(reader);

        Assert.Equal(58_800, recording.Count);
        // The estimate is the rate the device clock measured: 58,799 intervals over 298.105 s, not the nominal 200 Hz.
        Assert.Equal(58_799 / (1581498515.585 - 1581498217.48), recording.SampleRateHz, 1e-6);
        Assert.Equal(-0.09375f, recording.X[0]);
        Assert.NotNull(recording.TemperatureC);
        Assert.Null(recording.Light);
    }

    [Fact]
    public void Read_iso_times_with_offset_keeps_wall_clock_and_offset()
    {
        const string Csv = "time,x,y,z\n2019-05-21T16:16:43.5-04:00,0,0,1\n2019-05-21T16:16:43.52-04:00,0,0,1\n2019-05-21T21:16:43.54+01:00,0,0,1\n";

        var recording = AccelerometerCsvReader.Read(new StringReader(Csv));

        Assert.Equal(TimeSpan.FromHours(-4), recording.UtcOffset);
        Assert.Equal(1558455403.5, recording.TimeUnixSeconds[0], 1e-6);
        Assert.Equal(1558455403.52, recording.TimeUnixSeconds[1], 1e-6);
        Assert.Equal(1558455403.54, recording.TimeUnixSeconds[2], 1e-6);
        Assert.Equal(50.0, recording.SampleRateHz, 1e-3);
    }

    [Fact]
    public void Read_iso_times_without_offset_are_wall_clock()
    {
        const string Csv = "x,y,z,time\n0,0,1,2019-05-21T16:16:43.5\n0,0,1,2019-05-21T16:16:43.52\n";

        var recording = AccelerometerCsvReader.Read(new StringReader(Csv));

        Assert.Null(recording.UtcOffset);
        Assert.Equal(1558455403.5, recording.TimeUnixSeconds[0], 1e-6);
        Assert.Equal(1f, recording.Z[1]);
    }

    [Fact]
    public void Read_given_rate_is_used()
    {
        var recording = AccelerometerCsvReader.Read(new StringReader("time,x,y,z\n10,0,0,1\n"), 32.0);

        Assert.Equal(32.0, recording.SampleRateHz);
        Assert.Equal(1, recording.Count);
    }

    [Fact]
    public void Read_rate_ignores_gaps()
    {
        var recording = AccelerometerCsvReader.Read(new StringReader("time,x,y,z\n0,0,0,1\n0.01,0,0,1\n0.02,0,0,1\n5,0,0,1\n5.01,0,0,1\n"));

        Assert.Equal(100.0, recording.SampleRateHz, 1e-9);
    }

    [Theory]
    [InlineData("", "line 1: the CSV is empty")]
    [InlineData("time,x,y\n1,0,0\n", "line 1: the header has no 'z' column (found 'time,x,y'); a header row such as 'time,x,y,z[,temperature]' is required.")]
    [InlineData("1,0,0,1\n2,0,0,1\n", "line 1: the header has no 'time' column")]
    [InlineData("time,x,y,z\n", "line 1: the CSV has a header but no data rows.")]
    [InlineData("time,x,y,z\n1,0,0,1\n2,abc,0,1\n", "line 3, column 2 (x): 'abc' is not a finite number.")]
    [InlineData("time,x,y,z\n1,0,0,1\n2,0,,1\n", "line 3, column 3 (y): '' is not a finite number.")]
    [InlineData("time,x,y,z\n1,0,0,1\n\n2,0,0\n", "line 4: 3 columns, but the header has 4 (time,x,y,z).")]
    [InlineData("time,x,y,z\n1,0,0,1,7\n", "line 2: 5 columns, but the header has 4 (time,x,y,z).")]
    [InlineData("time,x,y,z\nyesterday,0,0,1\n", "line 2, column 1 (time): 'yesterday' is neither Unix seconds nor an ISO 8601 time")]
    [InlineData("time,x,y,z\n1,0,0,1\n2019-05-21T16:16:43Z,0,0,1\n", "line 3, column 1 (time): the time is ISO 8601 with a UTC offset but line 2's is Unix seconds; use one form throughout.")]
    [InlineData("time,x,y,z,temperature\n1,0,0,1,NaN\n", "line 2, column 5 (temperature): 'NaN' is not a finite number.")]
    [InlineData("time,x,y,z\n1,0,0,1\n", "line 2: a single data row gives no sample rate; pass sampleRateHz to Read.")]
    [InlineData("time,x,y,z,X\n1,0,0,1,2\n", "line 1: columns 2 and 5 both name the 'x' column.")]
    [InlineData("time,x,y,z\n0,0,0,1\n5e-324,0,0,1\n", "line 2: the intervals between rows (median 5E-324 s) give no finite sample rate")]
    [InlineData("time,x,y,z\n-1e308,0,0,1\n1e308,0,0,1\n", "line 2: the intervals between rows (median Infinity s) give no finite sample rate")]
    public void Read_malformed_input_throws_naming_line_and_column(string csv, string expectedStart)
    {
        var error = Assert.Throws<FormatException>(() => AccelerometerCsvReader.Read(new StringReader(csv)));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }
}
