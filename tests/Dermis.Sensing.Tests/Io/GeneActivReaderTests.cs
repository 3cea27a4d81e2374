using System.Text;
using Dermis.Sensing.Io;

namespace Dermis.Sensing.Tests.Io;

// Golden file: SKDH tests/io/data/gnactv_sample.bin and its expected decode (tests/data/skdh-testvectors/README.md).
// Tolerances: acceleration 1e-6 g (the reader stores float; the reference has 4 decimals, which the reader
// reproduces), time 1e-6 s, temperature and light exact.
public sealed class GeneActivReaderTests
{
    private const double AccelToleranceG = 1e-6;
    private const double TimeToleranceSeconds = 1e-6;

    private static readonly Lazy<AccelerometerRecording> Recording = new(() =>
    {
        using var stream = File.OpenRead(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"));
        return GeneActivReader.Read(stream);
    });

    private static readonly Lazy<DecodedCsv> Expected = new(() => DecodedCsv.Load("skdh-testvectors", "io", "gnactv_decoded.csv"));

    [Fact]
    public void Read_sample_file_has_header_values()
    {
        var recording = Recording.Value;

        Assert.Equal(900, recording.Count);
        Assert.Equal(50.0, recording.SampleRateHz);
        Assert.Equal("051386", recording.Serial);
        Assert.Equal("GENEActiv", recording.DeviceType);
        Assert.Equal(TimeSpan.FromHours(-4), recording.UtcOffset);
    }

    [Fact]
    public void Read_sample_file_first_and_last_samples_match_skdh()
    {
        var recording = Recording.Value;
        var expected = Expected.Value;

        foreach (var i in new[] { 0, 1, 2, 897, 898, 899 })
        {
            Assert.Equal(expected.Time[i], recording.TimeUnixSeconds[i], TimeToleranceSeconds);
            Assert.Equal(expected.X[i], recording.X[i], AccelToleranceG);
            Assert.Equal(expected.Y[i], recording.Y[i], AccelToleranceG);
            Assert.Equal(expected.Z[i], recording.Z[i], AccelToleranceG);
        }

        Assert.Equal(1558455403.5, recording.TimeUnixSeconds[0]);
        Assert.Equal(-0.8805f, recording.X[0]);
        Assert.Equal(0.8014f, recording.Z[899]);
    }

    [Fact]
    public void Read_sample_file_all_samples_within_tolerance_of_skdh()
    {
        var recording = Recording.Value;
        var expected = Expected.Value;

        Assert.True(DecodedCsv.MaxAbsError(recording.X, expected.X) < AccelToleranceG);
        Assert.True(DecodedCsv.MaxAbsError(recording.Y, expected.Y) < AccelToleranceG);
        Assert.True(DecodedCsv.MaxAbsError(recording.Z, expected.Z) < AccelToleranceG);
        Assert.True(DecodedCsv.MaxAbsError(recording.TimeUnixSeconds, expected.Time) < TimeToleranceSeconds);
    }

    [Fact]
    public void Read_sample_file_temperature_and_light_equal_skdh()
    {
        var recording = Recording.Value;
        var expected = Expected.Value;
        var light = expected.Column("light");

        for (var i = 0; i < recording.Count; i++)
        {
            Assert.Equal((float)expected.Temperature[i], recording.TemperatureC![i]);
            Assert.Equal((float)light[i], recording.Light![i]);
        }

        Assert.Equal(28.2f, recording.TemperatureC![0]);
        Assert.Equal(29.1f, recording.TemperatureC[899]);
    }

    [Fact]
    public void Read_page_times_restart_each_page()
    {
        var time = Recording.Value.TimeUnixSeconds;

        Assert.Equal(1558455409.48, time[299], TimeToleranceSeconds);
        Assert.Equal(1558455410.0, time[300]);
        Assert.Equal(1558455416.0, time[600]);
    }

    [Fact]
    public void Read_other_binary_throws_naming_first_line()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("skdh-testvectors", "io", "ax3_sample.cwa"));

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(bytes)));

        Assert.StartsWith("not a GENEActiv file: the first line is 'MD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_empty_stream_throws()
    {
        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream()));

        Assert.Equal("not a GENEActiv file: it is empty.", error.Message);
    }

    [Fact]
    public void Read_truncated_file_throws_naming_page()
    {
        var text = File.ReadAllText(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"), Encoding.Latin1);
        var cut = text[..(text.LastIndexOf("Recorded Data", StringComparison.Ordinal) + 200)];

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(cut))));

        Assert.StartsWith("truncated GENEActiv file: the header declares 3 pages but the file ends at line", error.Message, StringComparison.Ordinal);
        Assert.Contains("inside page 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_short_data_line_throws_naming_page_and_line()
    {
        var text = File.ReadAllText(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"), Encoding.Latin1);
        var cut = text[..(text.Length - 1001)]; // the last line is 3,600 hex characters and a newline

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(cut))));

        Assert.StartsWith("page 2 (line 89): the data line has 2600 of 3600 hex characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_bad_hex_digit_throws_naming_page_and_column()
    {
        var text = File.ReadAllText(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"), Encoding.Latin1);
        var dataStart = text.IndexOf("F2202700B000", StringComparison.Ordinal);
        var corrupt = string.Concat(text.AsSpan(0, dataStart + 13), "G", text.AsSpan(dataStart + 14));

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(corrupt))));

        Assert.Equal("page 0 (line 69), column 14: 'G' is not a hexadecimal digit (sample 1).", error.Message);
    }

    [Fact]
    public void Read_missing_calibration_throws_naming_key()
    {
        var text = File.ReadAllText(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"), Encoding.Latin1);
        var corrupt = text.Replace("y gain:25457", "y gain:abc", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(corrupt))));

        Assert.Equal("GENEActiv header: 'y gain' is 'abc', not a number.", error.Message);
    }

    [Fact]
    public void Read_infinite_header_frequency_throws_naming_key()
    {
        var text = File.ReadAllText(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"), Encoding.Latin1);
        var corrupt = text.Replace("Number of Pages:3", "Number of Pages:0", StringComparison.Ordinal)
            .Replace("Measurement Frequency:50 Hz", "Measurement Frequency:" + new string('9', 400) + " Hz", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(corrupt))));

        Assert.StartsWith("GENEActiv header: 'Measurement Frequency' is '999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_unseekable_stream_of_more_pages_than_first_allocated_equals_the_pages_written()
    {
        // The sample's header and three pages, then its last page 1,027 more times: 1,030 pages, past the 1,024 pages
        // allocated up front when the stream cannot tell its length.
        var lines = File.ReadAllLines(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin"), Encoding.Latin1);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line == "Number of Pages:3" ? "Number of Pages:1030" : line).Append('\n');
        }

        for (var page = 3; page < 1030; page++)
        {
            foreach (var line in lines[79..89])
            {
                text.Append(line).Append('\n');
            }
        }

        var recording = GeneActivReader.Read(new UnseekableStream(Encoding.Latin1.GetBytes(text.ToString())));

        Assert.Equal(1030 * 300, recording.Count);
        Assert.Equal(Recording.Value.X.AsSpan(600, 300), recording.X.AsSpan(1029 * 300));
        Assert.Equal(Recording.Value.TimeUnixSeconds[899], recording.TimeUnixSeconds[^1]);
        Assert.Equal(recording.Count, recording.Light!.Length);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
