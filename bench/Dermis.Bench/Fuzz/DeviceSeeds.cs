using System.Globalization;
using System.Text;
using System.Text.Json;
using Dermis.Sensing.Ingest;

namespace Dermis.Bench.Fuzz;

/// <summary>Valid device batches (docs/sensing.md, docs/sweat.md): the seeds of the device fuzzer.</summary>
internal static class DeviceSeeds
{
    // 2026-03-27T22:00:00Z in Unix microseconds.
    private const long Night = 1_774_648_800_000_000;

    /// <summary>A binary accelerometer batch of <paramref name="count"/> samples at 20 Hz (application/vnd.dermis.samples).</summary>
    public static byte[] Binary(string id, int count)
    {
        var samples = new float[count * 3];
        for (var i = 0; i < count; i++)
        {
            samples[3 * i] = 0.01f * (i % 7);
            samples[(3 * i) + 1] = -0.01f;
            samples[(3 * i) + 2] = 1f;
        }

        return SampleBatchFormat.Write(new SampleBatch(id, SampleKind.Accelerometer, Night, 20, samples));
    }

    /// <summary>The same kind of batch as text/csv (header time,x,y,z; Unix seconds), sent with <c>?batch=ID</c>.</summary>
    public static string Csv(int count = 40)
    {
        var text = new StringBuilder("time,x,y,z\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(Night / 1_000_000.0) + (i * 0.05):F2},{0.01 * (i % 5):F3},-0.010,1.000\n");
        }

        return text.ToString();
    }

    /// <summary>A sweat patch readings batch (application/json).</summary>
    public static string Readings() => JsonSerializer.Serialize(new
    {
        batchId = "day-1",
        lot = "L1",
        channels = new[] { new { cytokine = "IL6", location = "antecubital", lesional = true }, new { cytokine = "IL6", location = "forearm", lesional = false } },
        readings = new object[]
        {
            new { time = "2026-03-27T08:00:00Z", channel = 0, response = 0.26, temperatureC = 33.0, sweatRate = 0.8 },
            new { time = "2026-03-27T09:00:00Z", channel = 1, response = 0.09 },
        },
    });
}
