using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dermis.Sensing.Ingest;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>Night analysis refuses what it cannot analyse with a reason, never a 500.</summary>
public sealed class NightEndpointTests
{
    // 2026-03-27T22:00:00Z in Unix microseconds.
    private const long Night = 1_774_648_800_000_000;

    private static async Task SendAsync(TrialFixture trial, string serial, string token, SampleBatch batch)
    {
        using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);
        using var content = new ByteArrayContent(SampleBatchFormat.Write(batch));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{serial}/samples") { Content = content };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.dermis.samples");
        request.Headers.TryAddWithoutValidation("Authorization", "Device " + token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_night_view_draws_the_events_the_analysis_found_over_the_signal()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var p = await trial.EnrolAsync();
        var (_, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/devices", new { serial = "WB-5003", kind = "wristband" });
        var night = Dermis.Sensing.Simulation.NightSimulator.Simulate(new Dermis.Sensing.Simulation.NightSimulationOptions { DurationHours = 1, Severity = Dermis.Sensing.Simulation.ScratchSeverity.Severe }, 5).Night;
        var samples = new float[night.X.Length * 3];
        for (var i = 0; i < night.X.Length; i++)
        {
            (samples[3 * i], samples[(3 * i) + 1], samples[(3 * i) + 2]) = (night.X[i], night.Y[i], night.Z[i]);
        }

        await SendAsync(trial, "WB-5003", device.GetProperty("token").GetString()!, new SampleBatch("hour-1", SampleKind.Accelerometer, Night, 20, samples));
        Assert.Equal(HttpStatusCode.OK, (await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-27/analyse", new { })).Status);
        // The same samples analysed directly: what the view draws is what the analysis found.
        var direct = Dermis.Sensing.Nights.NightAnalysis.Analyse(night.X, night.Y, night.Z, 20);
        Assert.NotEmpty(direct.Events);

        var (status, detail) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-27");

        Assert.Equal(HttpStatusCode.OK, status);
        var trace = detail.GetProperty("trace");
        Assert.Equal(direct.Events.Select(e => Math.Round(e.StartSeconds, 2)), trace.GetProperty("events").EnumerateArray().Select(e => e[0].GetDouble()));
        Assert.Equal(direct.Measures.ScratchEvents, detail.GetProperty("night").GetProperty("measures").GetProperty("measures").GetProperty("scratchEvents").GetInt32());
        // 3,600 s in 10-s steps; one letter per minute.
        Assert.Equal((360, 60), (trace.GetProperty("movementMg").GetArrayLength(), trace.GetProperty("sleepPerMinute").GetString()!.Length));
        Assert.Equal(string.Concat(direct.SleepPerMinute.Select(s => s ? 'S' : 'W')), trace.GetProperty("sleepPerMinute").GetString());

        var browser = await trial.ClientAsync("coord.de");
        var html = await browser.GetStringAsync(new Uri($"/studies/{trial.Study}/participants/{p}/nights/2026-03-27", UriKind.Relative));
        Assert.Equal(direct.Events.Count, CountOf(html, "class=\"scratch\""));
        Assert.Contains("<polyline class=\"movement\"", html, StringComparison.Ordinal);
        Assert.Contains($"{direct.Events.Count} scratch events", html, StringComparison.Ordinal);
        // The casebook links to the night.
        var casebook = await browser.GetStringAsync(new Uri($"/studies/{trial.Study}/participants/{p}", UriKind.Relative));
        Assert.Contains($"participants/{p}/nights/2026-03-27", casebook, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await trial.GetAsync("mon", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-28")).Status);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task A_night_without_any_sleep_is_stored_with_no_WASO_or_onset_latency()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var p = await trial.EnrolAsync();
        var (_, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/devices", new { serial = "WB-5002", kind = "wristband" });
        // Twenty minutes of vigorous random movement (±1 g): every minute scores wake.
        var random = new Random(3);
        var samples = new float[20 * 60 * 20 * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() * 2) - 1);
        }

        await SendAsync(trial, "WB-5002", device.GetProperty("token").GetString()!, new SampleBatch("awake-1", SampleKind.Accelerometer, Night, 20, samples));

        var (status, view) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-27/analyse", new { });

        Assert.Equal(HttpStatusCode.OK, status);
        var measures = view.GetProperty("measures").GetProperty("measures");
        Assert.Equal((0.0, "NaN", "NaN"), (measures.GetProperty("totalSleepTimeMinutes").GetDouble(),
            measures.GetProperty("wakeAfterSleepOnsetMinutes").GetString(), measures.GetProperty("sleepOnsetLatencyMinutes").GetString()));
        var (_, nights) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/participants/{p}/nights");
        Assert.Equal(1, nights.GetArrayLength());
    }

    [Fact]
    public async Task Five_minutes_of_data_is_too_little_for_a_night_and_says_so()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var p = await trial.EnrolAsync();
        var (_, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/devices", new { serial = "WB-5001", kind = "wristband" });
        var samples = new float[5 * 60 * 20 * 3];
        using (var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App))
        using (var content = new ByteArrayContent(SampleBatchFormat.Write(new SampleBatch("short-1", SampleKind.Accelerometer, Night, 20, samples))))
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/devices/WB-5001/samples") { Content = content })
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.dermis.samples");
            request.Headers.TryAddWithoutValidation("Authorization", "Device " + device.GetProperty("token").GetString());
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        }

        var (status, problem) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights/2026-03-27/analyse", new { });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:dermis:problem:too-little-data", problem.GetProperty("type").GetString());
        Assert.Equal("The night of 2026-03-27: A night needs at least 10 minutes of data; got 300 s.", problem.GetProperty("detail").GetString());
        // Nothing was stored for the night.
        var (_, nights) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights");
        Assert.Equal(JsonValueKind.Array, nights.ValueKind);
        Assert.Equal(0, nights.GetArrayLength());
    }
}
