using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dermis.Bench.Reliability.Harness;
using Dermis.Sensing.Ingest;

using static Dermis.Bench.Reliability.Harness.CrashHttp;
using static Dermis.Bench.Trials.BenchHttp;

namespace Dermis.Bench.Reliability;

/// <summary>
/// A mixed workload held against a real <c>dermis serve</c> process for minutes (docs/reliability.md):
/// 70 % reads (participant list, casebook), 20 % eCRF saves, 10 % device batches, over N connections
/// with no think time. Prints throughput, p50/p90/p99 per kind, errors, and the server's resident
/// memory (VmRSS from /proc/PID/status) every 10 s.
/// Usage: load [--seconds 120] [--connections 16] [--db sqlite|&lt;PostgreSQL connection string&gt;] [--dermis path/to/dermis.dll]
/// </summary>
internal static class LoadGenerator
{
    private static readonly string[] Kinds = ["list", "casebook", "save", "ingest"];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = int.Parse(Option(args, "--seconds") ?? "120", CultureInfo.InvariantCulture);
        var connections = int.Parse(Option(args, "--connections") ?? "16", CultureInfo.InvariantCulture);
        var db = Option(args, "--db") ?? "sqlite";
        var dermis = Path.GetFullPath(Option(args, "--dermis") ?? "artifacts/bin/Dermis.Cli/release/dermis.dll");
        var work = Directory.CreateTempSubdirectory("dermis-load-").FullName;
        using var server = new CrashServer(dermis, db == "sqlite" ? Path.Combine(work, "load.db") : db, work);
        try
        {
            await server.StartAsync();
            using var http = Client(server.Url);
            var cohort = await CrashSeed.SeedAsync(server, http, connections, connections);
            var latencies = Kinds.ToDictionary(k => k, _ => new List<double>());
            long errors = 0;
            var rss = new List<(double Seconds, long Kb)>();
            var clock = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(seconds);
            var sampler = Task.Run(async () =>
            {
                while (clock.Elapsed < until)
                {
                    rss.Add((clock.Elapsed.TotalSeconds, ResidentKb(server.ProcessId)));
                    Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds,5:F0} s  RSS {rss[^1].Kb / 1024.0:F1} MiB");
                    await Task.Delay(TimeSpan.FromSeconds(10));
                }
            });
            await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
            {
                var random = new Random(c);
                var mine = Kinds.ToDictionary(k => k, _ => new List<double>());
                long? rowVersion = null;
                var n = 0;
                var batch = 0;
                var p = cohort.Forms[c].Path.Split('/')[5];
                while (clock.Elapsed < until)
                {
                    var roll = random.Next(100);
                    var kind = roll < 35 ? "list" : roll < 70 ? "casebook" : roll < 90 ? "save" : "ingest";
                    HttpRequestMessage request = kind switch
                    {
                        "list" => Request(HttpMethod.Get, $"/api/studies/{CrashSeed.Study}/participants", "Bearer", cohort.CoordinatorToken, null),
                        "casebook" => Request(HttpMethod.Get, $"/api/studies/{CrashSeed.Study}/participants/{p}", "Bearer", cohort.CoordinatorToken, null),
                        "save" => Request(HttpMethod.Put, cohort.Forms[c].Path, "Bearer", cohort.CoordinatorToken, Json(new { data = new { n = ++n }, rowVersion, reason = (string?)null })),
                        _ => Request(HttpMethod.Post, $"/api/devices/{cohort.Devices[c].Serial}/samples", "Device", cohort.Devices[c].Token, Samples(Batch(c, batch++))),
                    };
                    var started = Stopwatch.GetTimestamp();
                    using (request)
                    using (var response = await http.SendAsync(request))
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        mine[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref errors);
                        }
                        else if (kind == "save")
                        {
                            using var json = JsonDocument.Parse(body);
                            rowVersion = json.RootElement.GetProperty("rowVersion").GetInt64();
                        }
                    }
                }

                lock (latencies)
                {
                    foreach (var (kind, list) in mine)
                    {
                        latencies[kind].AddRange(list);
                    }
                }
            })));
            var elapsed = clock.Elapsed.TotalSeconds;
            await sampler;
            rss.Add((elapsed, ResidentKb(server.ProcessId)));
            Print(latencies, elapsed, connections, errors, rss);
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            await server.KillAsync();
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(Dictionary<string, List<double>> latencies, double elapsed, int connections, long errors, List<(double Seconds, long Kb)> rss)
    {
        var total = latencies.Values.Sum(l => l.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} requests in {elapsed:F0} s over {connections} connections: {total / elapsed:F0} requests/s, {errors} errors"));
        Console.WriteLine("| kind | requests | per s | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, list) in latencies)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {list.Count} | {list.Count / elapsed:F0} | {Q(list, 0.5):F1} | {Q(list, 0.9):F1} | {Q(list, 0.99):F1} | {(list.Count == 0 ? double.NaN : list[^1]):F1} |"));
        }

        Console.WriteLine("RSS MiB every 10 s: " + string.Join(" ", rss.Select(r => (r.Kb / 1024.0).ToString("F0", CultureInfo.InvariantCulture))));
    }

    private static double Q(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>VmRSS in KiB from /proc/PID/status (Linux).</summary>
    private static long ResidentKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>One minute of 20 Hz wrist data per batch, back to back per device.</summary>
    private static byte[] Batch(int device, int sequence)
    {
        var samples = new float[1200 * 3];
        var random = new Random(sequence);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.5) * 0.05) + (i % 3 == 2 ? 1f : 0f);
        }

        var start = new DateTimeOffset(2026, 2, 1, 22, 0, 0, TimeSpan.Zero).AddMinutes(sequence).ToUnixTimeMilliseconds() * 1000;
        return SampleBatchFormat.Write(new SampleBatch($"load-{device}-{sequence:0000000}", SampleKind.Accelerometer, start, 20, samples));
    }
}
