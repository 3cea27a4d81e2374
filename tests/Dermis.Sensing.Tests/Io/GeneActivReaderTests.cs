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
}
