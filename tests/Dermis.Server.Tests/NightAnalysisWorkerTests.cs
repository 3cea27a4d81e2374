using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dermis.Sensing.Ingest;
using Dermis.Server.Sensing;
using Dermis.Storage.Trials;
using Dermis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests;

/// <summary>Nights are analysed once their data are in: after the night ends and a quiet period, exactly once, again when late data come.</summary>
public sealed class NightAnalysisWorkerTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    // 2026-09-10T22:00:00Z in Unix microseconds; the participant has no time zone, so the night of 2026-09-10 is 18:00Z to 12:00Z next day.
    private const long Night = 1_789_077_600_000_000;
    private const long Minute = 60_000_000;

    private static SampleBatch Still(string id, long start, int minutes)
    {
        // Lying still with a small tremor: enough for a sleep window and sleep epochs, no scratch.
        var random = new Random(id.GetHashCode(StringComparison.Ordinal));
        var samples = new float[minutes * 60 * 20 * 3];
        for (var i = 0; i < samples.Length; i += 3)
        {
            samples[i] = 0.01f * (float)random.NextDouble();
            samples[i + 1] = 0.01f * (float)random.NextDouble();
            samples[i + 2] = 1f;
        }

        return new SampleBatch(id, SampleKind.Accelerometer, start, 20, samples);
    }

    private static async Task SendAsync(TrialFixture trial, string serial, string token, SampleBatch batch)
    {
        using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);
        using var content = new ByteArrayContent(SampleBatchFormat.Write(batch));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.dermis.samples");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{serial}/samples") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Device " + token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<List<NightJobStatusRow>> JobsAsync(TrialFixture trial, string participant)
    {
        await using var store = await TrialStore.BeginAsync(trial.Host.Database, write: false);
        var row = await store.GetParticipantAsync(trial.Study, participant);
        return await store.ListNightJobsAsync(row!.Id);
    }

    private static async Task<string> PairAsync(TrialFixture trial, string participant, string serial)
    {
        var (status, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{participant}/devices", new { serial, kind = "wristband" });
        Assert.Equal(HttpStatusCode.Created, status);
        return device.GetProperty("token").GetString()!;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_night_is_analysed_once_after_it_ends_and_again_when_late_data_arrive(string engine)
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-09-11T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(engine, clock);
        var worker = trial.Host.App.Services.GetRequiredService<NightAnalysisWorker>();
        var p = await trial.EnrolAsync();
        var token = await PairAsync(trial, p, "WB-7001");
        await SendAsync(trial, "WB-7001", token, Still("n-1", Night, 30));

        // Queued for the night it touches, due when the night ends at 12:00Z (later than 06:10Z, the quiet period's end).
        var job = Assert.Single(await JobsAsync(trial, p));
        Assert.Equal(("2026-09-10", "wristband", "2026-09-11T12:00:00.000000Z", (string?)null), (job.NightDate, job.Source, job.DueAt, job.Failure));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));

        clock.Now = DateTimeOffset.Parse("2026-09-11T12:00:01Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await JobsAsync(trial, p));
        var (_, nights) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights");
        var night = Assert.Single(nights.EnumerateArray());
        Assert.Equal(("2026-09-10", 1), (night.GetProperty("night").GetString(), night.GetProperty("measures").GetProperty("batches").GetInt32()));

        // A late batch for the same night at 13:00Z waits out the quiet period (13:10Z), then the night is re-computed with both batches.
        clock.Now = DateTimeOffset.Parse("2026-09-11T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(trial, "WB-7001", token, Still("n-2", Night + (30 * Minute), 30));
        Assert.Equal("2026-09-11T13:10:00.000000Z", Assert.Single(await JobsAsync(trial, p)).DueAt);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        (_, nights) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights");
        night = Assert.Single(nights.EnumerateArray());
        Assert.Equal(2, night.GetProperty("measures").GetProperty("batches").GetInt32());

        // Both computations are in the participant's audit trail, made by Dermis itself.
        var (_, audit) = await trial.GetAsync("dm", $"/api/studies/{trial.Study}/audit?participant={p}");
        var analyses = audit.EnumerateArray().Where(a => a.GetProperty("action").GetString() == "analyse").ToList();
        Assert.Equal(2, analyses.Count);
        Assert.All(analyses, a => Assert.Equal("system:night-analysis", a.GetProperty("actor").GetString()));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_night_with_too_little_data_keeps_its_reason_and_is_tried_again_only_with_new_data(string engine)
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-09-11T12:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(engine, clock);
        var worker = trial.Host.App.Services.GetRequiredService<NightAnalysisWorker>();
        var p = await trial.EnrolAsync();
        var token = await PairAsync(trial, p, "WB-7002");
        await SendAsync(trial, "WB-7002", token, Still("short", Night, 5));
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal("The night of 2026-09-10: A night needs at least 10 minutes of data; got 300 s.", Assert.Single(await JobsAsync(trial, p)).Failure);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1L, Assert.Single(await JobsAsync(trial, p)).Attempts);

        // Twenty more minutes arrive: the failure is cleared and the night is analysed after the quiet period.
        await SendAsync(trial, "WB-7002", token, Still("more", Night + (5 * Minute), 20));
        Assert.Null(Assert.Single(await JobsAsync(trial, p)).Failure);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await JobsAsync(trial, p));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_radio_night_gets_its_respiration_and_heart_rate_beside_the_wristband_night(string engine)
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-09-11T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(engine, clock);
        var worker = trial.Host.App.Services.GetRequiredService<NightAnalysisWorker>();
        var p = await trial.EnrolAsync();
        var (status, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/devices", new { serial = "RB-7004", kind = "radio" });
        Assert.Equal(HttpStatusCode.Created, status);
        // One simulated hour of chest displacement at 20 Hz with low noise, in four 15-minute batches.
        var simulated = Dermis.Sensing.Vitals.RadioNightSimulator.Simulate(new Dermis.Sensing.Vitals.RadioNightSimulationOptions { DurationHours = 1, WhiteNoiseMm = 0.1, PinkNoiseMm = 0.1, MotionBurstCount = 2 }, 101);
        for (var b = 0; b < 4; b++)
        {
            var samples = simulated.DisplacementMm.AsSpan(b * 18_000, 18_000).ToArray();
            await SendAsync(trial, "RB-7004", device.GetProperty("token").GetString()!, new SampleBatch($"r-{b}", SampleKind.RadioDisplacement, Night + (b * 15 * Minute), 20, samples));
        }

        Assert.Equal("radio", Assert.Single(await JobsAsync(trial, p)).Source);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));

        var (_, nights) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/nights");
        var night = Assert.Single(nights.EnumerateArray());
        Assert.Equal("dermis-vitals 1", night.GetProperty("algorithmVersion").GetString());
        var vitals = night.GetProperty("measures").GetProperty("vitals");
        Assert.Equal("Good", vitals.GetProperty("quality").GetString());
        Assert.Equal(simulated.TrueRespirationRatePerMinute, vitals.GetProperty("respirationRatePerMinute").GetDouble(), 0.5);
        var casebook = await (await trial.ClientAsync("coord.de")).GetStringAsync(new Uri($"/studies/{trial.Study}/participants/{p}", UriKind.Relative));
        Assert.Contains("Nightly vital signs (radio)", casebook, StringComparison.Ordinal);
        Assert.Contains(vitals.GetProperty("respirationRatePerMinute").GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), casebook, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Two_workers_never_claim_the_same_night_until_the_lease_runs_out(string engine)
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-09-11T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(engine, clock);
        var p = await trial.EnrolAsync();
        var token = await PairAsync(trial, p, "WB-7003");
        // 21:00Z to 21:00Z next evening touches the nights of 09-09 (until 12:00Z on 09-10), 09-10 and 09-11 (from 18:00Z).
        await SendAsync(trial, "WB-7003", token, new SampleBatch("day", SampleKind.Accelerometer, Night - (60 * Minute) - (24 * 60 * Minute), 1, new float[24 * 3600 * 3]));
        Assert.Equal(["2026-09-09", "2026-09-10"], (await JobsAsync(trial, p)).Select(j => j.NightDate));

        const string Now = "2026-09-11T12:30:00.000000Z";
        List<NightJobRow> first, second, afterLease;
        await using (var store = await TrialStore.BeginAsync(trial.Host.Database, write: true))
        {
            first = await store.ClaimDueNightJobsAsync(Now, "worker-a", "2026-09-11T12:40:00.000000Z", 10);
            second = await store.ClaimDueNightJobsAsync(Now, "worker-b", "2026-09-11T12:40:00.000000Z", 10);
            afterLease = await store.ClaimDueNightJobsAsync("2026-09-11T12:41:00.000000Z", "worker-b", "2026-09-11T12:51:00.000000Z", 10);
            await store.CommitAsync("test", null, Dermis.Trials.Audit.AuditSource.System, clock.Now);
        }

        Assert.Equal(["2026-09-09", "2026-09-10"], first.Select(j => j.NightDate));
        Assert.Empty(second);
        Assert.Equal([2L, 2L], afterLease.Select(j => j.Attempts));
    }
}
