using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dermis.Sensing.Ingest;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>Device ingest: token from pairing, idempotent batches, gaps and overlaps reported, durable acknowledgement.</summary>
public sealed class DeviceIngestTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    // 2026-03-27T22:00:00Z in Unix microseconds.
    private const long Night = 1_774_648_800_000_000;

    private static SampleBatch Batch(string id, long start, int count, float rate = 20, float value = 0.01f)
    {
        var samples = new float[count * 3];
        for (var i = 0; i < count; i++)
        {
            samples[3 * i] = value;
            samples[(3 * i) + 1] = -value;
            samples[(3 * i) + 2] = 1f;
        }

        return new SampleBatch(id, SampleKind.Accelerometer, start, rate, samples);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(TrialFixture trial, string serial, string token, byte[] body, string mediaType = "application/vnd.dermis.samples", string query = "")
    {
        using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{serial}/samples{query}") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Device " + token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<string> PairAsync(TrialFixture trial, string participant, string serial, string kind = "wristband")
    {
        var (status, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{participant}/devices", new { serial, kind });
        Assert.Equal(HttpStatusCode.Created, status);
        return device.GetProperty("token").GetString()!;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Batches_are_stored_once_and_gaps_overlaps_and_late_arrivals_are_reported(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        var token = await PairAsync(trial, p, "WB-1001");

        // One minute at 20 Hz: 1,200 samples, 22:00:00 to 22:01:00.
        var first = SampleBatchFormat.Write(Batch("n1-0001", Night, 1200));
        var (status, receipt) = await SendAsync(trial, "WB-1001", token, first);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("n1-0001", "accelerometer", 1200, false), (receipt.GetProperty("batch").GetString(), receipt.GetProperty("kind").GetString(), receipt.GetProperty("samples").GetInt32(), receipt.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(DateTimeOffset.Parse("2026-03-27T22:01:00Z", System.Globalization.CultureInfo.InvariantCulture), receipt.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("gapBeforeSeconds").ValueKind);

        // A retry (the acknowledgement was lost): the same answer, nothing added.
        (status, receipt) = await SendAsync(trial, "WB-1001", token, first);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(receipt.GetProperty("duplicate").GetBoolean());
        // The same id with other samples is refused.
        (status, receipt) = await SendAsync(trial, "WB-1001", token, SampleBatchFormat.Write(Batch("n1-0001", Night, 1200, value: 0.02f)));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:dermis:problem:batch-id-reused", receipt.GetProperty("type").GetString());

        // Next minute starts 2 s late: a 2-s gap, reported.
        (_, receipt) = await SendAsync(trial, "WB-1001", token, SampleBatchFormat.Write(Batch("n1-0003", Night + 62_000_000, 1200)));
        Assert.Equal(2.0, receipt.GetProperty("gapBeforeSeconds").GetDouble(), 9);
        Assert.False(receipt.GetProperty("outOfOrder").GetBoolean());
        // A batch for the gap arrives late: 3 s (60 samples) from 22:01:00 overlaps its successor (from 22:01:02) by 1 s.
        (_, receipt) = await SendAsync(trial, "WB-1001", token, SampleBatchFormat.Write(Batch("n1-0002", Night + 60_000_000, 60)));
        Assert.True(receipt.GetProperty("outOfOrder").GetBoolean());
        Assert.Equal(0.0, receipt.GetProperty("gapBeforeSeconds").GetDouble(), 9);
        Assert.Equal(1.0, receipt.GetProperty("overlapSeconds").GetDouble(), 9);

        // CSV: 3 samples at 20 Hz.
        var csv = Encoding.UTF8.GetBytes("time,x,y,z\n1774649400.00,0.01,0.02,0.98\n1774649400.05,0.02,0.01,0.99\n1774649400.10,0.00,0.00,1.00\n");
        (status, receipt) = await SendAsync(trial, "WB-1001", token, csv, "text/csv", "?batch=csv-1");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(3, receipt.GetProperty("samples").GetInt32());

        // Every batch is in the participant's audit chain, which verifies.
        var (_, audit) = await trial.GetAsync("dm", $"/api/studies/{trial.Study}/audit?participant={p}");
        Assert.Equal(4, audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "ingest"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Only_a_paired_device_writes_and_only_its_own_data_and_bad_batches_name_the_field(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        var q = await trial.EnrolAsync();
        var mine = await PairAsync(trial, p, "WB-2001");
        await PairAsync(trial, q, "WB-2002");
        var patch = await PairAsync(trial, q, "SP-2003", "sweatPatch");
        var body = SampleBatchFormat.Write(Batch("b-1", Night, 20));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(trial, "WB-2001", "not-a-token", body)).Status);
        var (status, problem) = await SendAsync(trial, "WB-2002", mine, body);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("This token belongs to device WB-2001, not WB-2002: a device writes only its own data.", problem.GetProperty("detail").GetString());
        (status, problem) = await SendAsync(trial, "SP-2003", patch, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("a sweatPatch sends readings to /readings, not samples", problem.GetProperty("errors").GetProperty("kind")[0].GetString());

        var wrongRate = SampleBatchFormat.Write(Batch("b-2", Night, 20, rate: 5000));
        (status, problem) = await SendAsync(trial, "WB-2001", mine, wrongRate);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("5000 Hz is outside 1–1000 Hz", problem.GetProperty("errors").GetProperty("sample rate")[0].GetString());
        (status, problem) = await SendAsync(trial, "WB-2001", mine, body[..100]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("20 samples of 3 channel(s) need 296 bytes; got 100", problem.GetProperty("errors").GetProperty("body")[0].GetString());

        // Unpairing revokes the token.
        var (_, devices) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/devices");
        var id = devices[0].GetProperty("id").GetInt64();
        await trial.SendAsync("coord.de", HttpMethod.Delete, $"/api/studies/{trial.Study}/participants/{p}/devices/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(trial, "WB-2001", mine, body)).Status);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Malformed_bodies_are_400_naming_the_field_never_500(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        var token = await PairAsync(trial, p, "WB-5001");
        var valid = SampleBatchFormat.Write(Batch("e-1", Night, 20));
        var hugeCount = (byte[])valid.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(hugeCount.AsSpan(52), 1_000_000);
        var noId = (byte[])valid.Clone();
        noId.AsSpan(8, 32).Clear();
        var nan = SampleBatchFormat.Write(Batch("e-2", Night, 20, value: float.NaN));
        const string Rows = "time,x,y,z\n1774649400.00,0,0,1\n1774649400.05,0,0,1\n";
        var cases = new (string What, byte[] Body, string MediaType, string Query, string Field, string Problem)[]
        {
            ("empty body", [], "application/vnd.dermis.samples", "", "body", "not a Dermis sample batch (expected 56 header bytes starting with \"DRMS\"; got 0 bytes)"),
            ("truncated header", valid[..30], "application/vnd.dermis.samples", "", "body", "not a Dermis sample batch (expected 56 header bytes starting with \"DRMS\"; got 30 bytes)"),
            ("huge count, small body", hugeCount, "application/vnd.dermis.samples", "", "body", "1000000 samples of 3 channel(s) need 12000056 bytes; got 296"),
            ("empty batch id", noId, "application/vnd.dermis.samples", "", "batch id", "'' must be 1–32 letters, digits, '-' or '_'"),
            ("NaN sample", nan, "application/vnd.dermis.samples", "", "sample 0", "NaN is outside ±32 g"),
            ("JSON", Encoding.UTF8.GetBytes("{\"x\":[0.1]}"), "application/json", "", "body", "not a Dermis sample batch (expected 56 header bytes starting with \"DRMS\"; got 11 bytes)"),
            ("CSV without batch id", Encoding.UTF8.GetBytes(Rows), "text/csv", "", "batch", "a CSV batch needs ?batch=<id> (1–32 letters, digits, '-' or '_')"),
            ("CSV with a 33-character id", Encoding.UTF8.GetBytes(Rows), "text/csv", "?batch=" + new string('a', 33), "batch id", $"'{new string('a', 33)}' must be 1–32 letters, digits, '-' or '_'"),
            ("CSV with a path in the id", Encoding.UTF8.GetBytes(Rows), "text/csv", "?batch=..%2Fx", "batch id", "'../x' must be 1–32 letters, digits, '-' or '_'"),
            ("CSV of one row", Encoding.UTF8.GetBytes("time,x,y,z\n1774649400.00,0,0,1\n"), "text/csv", "?batch=c-1", "line 2", "a CSV batch needs at least 2 samples to give its rate; got 1"),
            ("CSV out of order", Encoding.UTF8.GetBytes("time,x,y,z\n1774649400.05,0,0,1\n1774649400.00,0,0,1\n"), "text/csv", "?batch=c-2", "line 3", "time 1774649400 is not after the previous sample's"),
            ("CSV with a NaN time", Encoding.UTF8.GetBytes("time,x,y,z\nNaN,0,0,1\nNaN,0,0,1\n"), "text/csv", "?batch=c-3", "line 2, column 1", "time must be Unix seconds (e.g. 1774652400.05); got 'NaN'"),
            ("CSV of binary bytes", valid, "text/csv", "?batch=c-4", "line 1", "the header must be 'time,x,y,z' or 'time,displacement'; got 'drms??"),
        };

        foreach (var c in cases)
        {
            var (status, problem) = await SendAsync(trial, "WB-5001", token, c.Body, c.MediaType, c.Query);

            Assert.True(status == HttpStatusCode.BadRequest, $"{c.What}: {(int)status} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(c.Field, out var messages), $"{c.What}: {problem}");
            Assert.StartsWith(c.Problem, messages[0].GetString(), StringComparison.Ordinal);
        }

        // Nothing was stored: the valid batch is still new.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(trial, "WB-5001", token, valid)).Status);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_night_is_laid_out_from_its_batches_analysed_stored_and_listed(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        var token = await PairAsync(trial, p, "WB-3001");
        // One simulated hour from 22:00Z in four 15-minute batches; the third arrives without its first 30 s.
        var night = Dermis.Sensing.Simulation.NightSimulator.Simulate(new Dermis.Sensing.Simulation.NightSimulationOptions { DurationHours = 1, Severity = Dermis.Sensing.Simulation.ScratchSeverity.Severe }, 5).Night;
        const int quarter = 15 * 60 * 20;
        for (var b = 0; b < 4; b++)
        {
            var skip = b == 2 ? 600 : 0;
            var samples = new float[(quarter - skip) * 3];
            for (var i = 0; i < quarter - skip; i++)
            {
                var t = (b * quarter) + skip + i;
                (samples[3 * i], samples[(3 * i) + 1], samples[(3 * i) + 2]) = (night.X[t], night.Y[t], night.Z[t]);
            }

            var (status, _) = await SendAsync(trial, "WB-3001", token, SampleBatchFormat.Write(new SampleBatch($"h-{b}", SampleKind.Accelerometer, Night + (((b * quarter) + skip) * 50_000L), 20, samples)));
            Assert.Equal(HttpStatusCode.Created, status);
        }

        var (analysed, view) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-27/analyse", new { });
        Assert.Equal(HttpStatusCode.OK, analysed);
        Assert.Equal(("2026-03-27", "dermis-sensing 1"), (view.GetProperty("night").GetString(), view.GetProperty("algorithmVersion").GetString()));
        var measures = view.GetProperty("measures");
        Assert.Equal((4, 30.0), (measures.GetProperty("batches").GetInt32(), measures.GetProperty("gapSeconds").GetDouble()));
        Assert.Equal(DateTimeOffset.Parse("2026-03-27T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture), measures.GetProperty("recordingStart").GetDateTimeOffset());
        Assert.Equal(60.0, measures.GetProperty("measures").GetProperty("totalSleepOpportunityMinutes").GetDouble(), 0);

        var (_, nights) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/participants/{p}/nights");
        Assert.Equal("2026-03-27", Assert.Single(nights.EnumerateArray()).GetProperty("night").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await trial.PostAsync("mon", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-27/analyse", new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-20/analyse", new { })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/27-03-2026/analyse", new { })).Status);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_night_of_much_more_scratch_than_the_baseline_night_alerts_the_site(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        // Amendment: alert on one night against a one-night baseline.
        var amendment = TestProtocols.AtopicDermatitisAmendment1.Replace("\neligibility:", "\nsensing: { alerts: { baselineNights: 1, rollingNights: 1 } }\neligibility:", StringComparison.Ordinal);
        var (amended, body) = await trial.PostAsync("admin", $"/api/studies/{trial.Study}/protocol", amendment);
        Assert.True(amended == HttpStatusCode.OK, body.ToString());
        var token = await PairAsync(trial, p, "WB-4001");
        // The first simulated nights (by seed) whose true scratch is calm (≤ 10 s/h) and then heavy (≥ 300 s/h).
        static Dermis.Sensing.Simulation.SimulatedNight Pick(Dermis.Sensing.Simulation.ScratchSeverity severity, Func<double, bool> wanted) =>
            Enumerable.Range(1, 200).Select(seed => Dermis.Sensing.Simulation.NightSimulator.Simulate(new Dermis.Sensing.Simulation.NightSimulationOptions { DurationHours = 0.5, Severity = severity }, seed))
                .First(n => wanted(n.ScratchSummary.DurationSecondsPerHour));
        var nights = new[] { Pick(Dermis.Sensing.Simulation.ScratchSeverity.Healthy, r => r <= 10), Pick(Dermis.Sensing.Simulation.ScratchSeverity.Severe, r => r >= 300) };
        foreach (var (day, simulated) in new[] { (0, nights[0]), (1, nights[1]) })
        {
            var night = simulated.Night;
            var samples = new float[night.SampleCount * 3];
            for (var i = 0; i < night.SampleCount; i++)
            {
                (samples[3 * i], samples[(3 * i) + 1], samples[(3 * i) + 2]) = (night.X[i], night.Y[i], night.Z[i]);
            }

            await SendAsync(trial, "WB-4001", token, SampleBatchFormat.Write(new SampleBatch($"d{day}", SampleKind.Accelerometer, Night + (day * 86_400_000_000L), 20, samples)));
            var (status, _) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-{27 + day}/analyse", new { });
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var (_, alerts) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/sensing-alerts");
        var scratch = alerts.EnumerateArray().Single(a => a.GetProperty("measure").GetString() == "scratch");
        Assert.Equal((p, "2026-03-28"), (scratch.GetProperty("participant").GetString(), scratch.GetProperty("night").GetString()));
        Assert.True(scratch.GetProperty("rollingMean").GetDouble() > (scratch.GetProperty("baseline").GetDouble() * 1.5) + 30);
        Assert.StartsWith("Nocturnal scratch rose to ", scratch.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Analysing the same night again raises nothing new.
        await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-28/analyse", new { });
        var (_, again) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/sensing-alerts");
        Assert.Equal(alerts.GetArrayLength(), again.GetArrayLength());
        // The other site sees none of it.
        var (_, french) = await trial.GetAsync("coord.fr", $"/api/studies/{trial.Study}/sensing-alerts");
        Assert.Equal(0, french.GetArrayLength());
    }
}
