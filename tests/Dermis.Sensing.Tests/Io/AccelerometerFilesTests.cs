using Dermis.Sensing.Io;

namespace Dermis.Sensing.Tests.Io;

public sealed class AccelerometerFilesTests
{
    [Theory]
    [InlineData("gnactv_sample.bin", 900, "GENEActiv")]
    [InlineData("ax3_sample.cwa", 58_800, "AX3")]
    [InlineData("gnactv_decoded.csv", 900, "csv")]
    public void Read_dispatches_by_extension(string file, int count, string deviceType)
    {
        var recording = AccelerometerFiles.Read(SharedData.PathOf("skdh-testvectors", "io", file));

        Assert.Equal(count, recording.Count);
        Assert.Equal(deviceType, recording.DeviceType);
    }

    [Fact]
    public void Read_unknown_extension_throws_listing_supported_ones()
    {
        var error = Assert.Throws<FormatException>(() => AccelerometerFiles.Read("/nowhere/night1.gt3x"));

        Assert.Equal("night1.gt3x: unsupported file extension '.gt3x'; expected .bin (GENEActiv), .cwa (Axivity AX3/AX6) or .csv (time,x,y,z).", error.Message);
    }

    [Fact]
    public void Read_mislabelled_file_throws_naming_file_and_first_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dermis-io-{Guid.NewGuid():N}.bin");
        File.WriteAllText(path, "time,x,y,z\n1,0,0,1\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => AccelerometerFiles.Read(path));

            Assert.Equal($"{Path.GetFileName(path)}: not a GENEActiv file: the first line is 'time,x,y,z' (expected 'Device Identity').", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_truncated_cwa_throws_naming_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dermis-io-{Guid.NewGuid():N}.CWA");
        var bytes = File.ReadAllBytes(SharedData.PathOf("skdh-testvectors", "io", "ax3_sample.cwa"));
        File.WriteAllBytes(path, bytes.AsSpan(0, 700).ToArray());
        try
        {
            var error = Assert.Throws<FormatException>(() => AccelerometerFiles.Read(path));

            Assert.Equal($"{Path.GetFileName(path)}: truncated Axivity CWA file: it has 700 bytes, fewer than its 1024-byte metadata header.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
