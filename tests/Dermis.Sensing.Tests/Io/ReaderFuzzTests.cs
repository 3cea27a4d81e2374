using System.Text;
using Dermis.Sensing.Ingest;
using Dermis.Sensing.Io;

namespace Dermis.Sensing.Tests.Io;

/// <summary>
/// Seeded fuzzing of every reader that takes bytes from outside: random bytes, truncations and byte flips of valid
/// input. The only exception allowed out is <see cref="FormatException"/> (never IndexOutOfRange, Overflow,
/// OutOfMemory or ArgumentException), so an HTTP endpoint or the CLI can turn it into a 400 or exit code 2.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int Cases = 300;

    private static readonly Lazy<byte[]> GeneActiv = new(() => File.ReadAllBytes(SharedData.PathOf("skdh-testvectors", "io", "gnactv_sample.bin")));

    // The first 40 blocks of the AX3 sample (header + 38 data blocks) keep each case fast.
    private static readonly Lazy<byte[]> Cwa = new(() => File.ReadAllBytes(SharedData.PathOf("skdh-testvectors", "io", "ax3_sample.cwa"))[..(40 * AxivityCwaReader.BlockBytes)]);

    private static readonly Lazy<byte[]> Batch = new(() =>
    {
        var samples = new float[60 * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = i % 3 == 2 ? 1f : 0.01f * (i % 7);
        }

        return SampleBatchFormat.Write(new SampleBatch("fuzz-1", SampleKind.Accelerometer, 1_774_648_800_000_000, 20, samples));
    });

    private static readonly Lazy<byte[]> Csv = new(() => Encoding.UTF8.GetBytes(
        "time,x,y,z\n1774649400.00,0.01,0.02,0.98\n1774649400.05,0.02,0.01,0.99\n1774649400.10,0.00,0.00,1.00\n1774649400.15,0.01,0.00,1.01\n"));

    public static TheoryData<string> Readers => ["GENEActiv", "CWA", "batch", "batch CSV", "accelerometer CSV"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_random_truncated_or_flipped_bytes_throws_only_FormatException(string reader)
    {
        var (valid, read) = reader switch
        {
            "GENEActiv" => (GeneActiv.Value, (Action<byte[]>)(b => GeneActivReader.Read(new MemoryStream(b)))),
            "CWA" => (Cwa.Value, b => AxivityCwaReader.Read(new MemoryStream(b))),
            "batch" => (Batch.Value, b => SampleBatchFormat.Read(b)),
            "batch CSV" => (Csv.Value, b => SampleBatchFormat.ReadCsv(new StringReader(Encoding.UTF8.GetString(b)), "fuzz-1")),
            _ => (Csv.Value, b => AccelerometerCsvReader.Read(new StringReader(Encoding.UTF8.GetString(b)))),
        };
        read(valid); // the seed input itself is valid
        var random = new Random(20260327);
        for (var i = 0; i < Cases; i++)
        {
            byte[] bytes;
            string what;
            switch (i % 4)
            {
                case 0:
                    bytes = new byte[random.Next(0, 2048)];
                    random.NextBytes(bytes);
                    what = $"{bytes.Length} random bytes";
                    break;
                case 1:
                    bytes = valid[..random.Next(0, valid.Length)];
                    what = $"the first {bytes.Length} bytes";
                    break;
                default:
                    bytes = (byte[])valid.Clone();
                    var flips = random.Next(1, 9);
                    for (var f = 0; f < flips; f++)
                    {
                        // Half the flips land in the first 600 bytes, where every format keeps its header.
                        var at = random.Next(2) == 0 ? random.Next(Math.Min(600, bytes.Length)) : random.Next(bytes.Length);
                        bytes[at] = i % 4 == 2 ? (byte)random.Next(256) : (byte)"0123456789-.,:eE\n"[random.Next(17)];
                    }

                    what = $"{flips} changed bytes";
                    break;
            }

            try
            {
                read(bytes);
            }
            catch (FormatException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"{reader}, case {i} ({what}): {e.GetType().Name} escaped: {e.Message}");
            }
        }
    }

    [Fact]
    public void GeneActivReader_page_count_far_beyond_the_file_is_truncated_not_out_of_memory()
    {
        var text = Encoding.Latin1.GetString(GeneActiv.Value).Replace("Number of Pages:3", "Number of Pages:7000000", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => GeneActivReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(text))));

        Assert.StartsWith("truncated GENEActiv file: the header declares 7000000 pages", error.Message, StringComparison.Ordinal);
    }
}
