using System.Net.Http.Headers;
using Dermis.Sensing.Ingest;

namespace Dermis.Server.Demo;

/// <summary>What the sensing phase of the demo sent.</summary>
/// <param name="NightParticipants">Participants with a wristband.</param>
/// <param name="Nights">Nights uploaded (the server's night worker analyses them).</param>
/// <param name="Samples">Accelerometer samples per axis uploaded.</param>
/// <param name="SweatParticipants">Participants with sweat patches.</param>
/// <param name="SweatReadings">Patch readings uploaded.</param>
/// <param name="Requests">HTTP requests of this phase.</param>
internal sealed record DemoSensingResult(int NightParticipants, int Nights, long Samples, int SweatParticipants, int SweatReadings, int Requests);

/// <summary>
/// Sensing after the walk (docs/demo.md): for <see cref="DemoSensing.NightParticipants"/> randomised
/// participants the site coordinator pairs a wristband and the band uploads simulated nights around
/// baseline and week 16 through the device ingest API; for <see cref="DemoSensingSweat.Participants"/> of them
/// the sponsor uploads the lot's calibration standards, the coordinator pairs a lesional and a non-lesional
/// patch per wear and the patches upload their daily readings. The clock is stood at each upload's
/// historical instant (the morning after a night, the evening of a sweat day), so the server queues the
/// nights and sweat days as it would have then; its night worker analyses them on its next round.
/// </summary>
public sealed partial class DemoSeeder
{
    private const string SamplesMediaType = "application/vnd.dermis.samples";

    private async Task<DemoSensingResult> SensingAsync(IReadOnlyList<DemoParticipant> cohort, CancellationToken ct)
    {
        var requestsBefore = _api.Requests;
        var (nightGroup, sweatGroup) = DemoSensingChoice.Choose(cohort, _first, _last, DemoSensing.NightParticipants, DemoSensingSweat.Participants);
        var plan = new SortedDictionary<DateTimeOffset, Dictionary<DemoParticipant, List<Func<CancellationToken, Task>>>>();
        void Plan(DemoParticipant p, DateOnly day, Func<CancellationToken, Task> step)
        {
            var at = At(day);
            if (!plan.TryGetValue(at, out var steps))
            {
                plan[at] = steps = [];
            }

            if (!steps.TryGetValue(p, out var list))
            {
                steps[p] = list = [];
            }

            list.Add(step);
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 16 };
        var devices = new List<HttpClient>();
        HttpClient Device(string token)
        {
            var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = _api.Anonymous().BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
            lock (devices)
            {
                devices.Add(client);
            }

            return client;
        }

        var nights = 0;
        long samples = 0;
        // An 8-h night is about 50 MB in flight (the band's arrays, the request, the server's copies): two at a time.
        using var nightSlots = new SemaphoreSlim(2);
        foreach (var p in nightGroup)
        {
            HttpClient? band = null;
            Plan(p, p.BaselineOn.AddDays(DemoSensing.NightDays[0] - 1), async token => band = Device(await PairAsync(p, "WB-" + p.Number, "wristband", token)));
            foreach (var day in DemoSensing.NightDays)
            {
                Plan(p, p.BaselineOn.AddDays(day + 1), async token =>
                {
                    await nightSlots.WaitAsync(token);
                    try
                    {
                        Interlocked.Add(ref samples, await NightAsync(p, day, band!, token));
                        Interlocked.Increment(ref nights);
                    }
                    finally
                    {
                        nightSlots.Release();
                    }
                });
            }
        }

        var readings = 0;
        if (sweatGroup.Count > 0)
        {
            var firstWear = sweatGroup.Min(p => p.BaselineOn.AddDays(DemoSensingSweat.Wears[0][0] - 2));
            Plan(sweatGroup[0], firstWear, async token =>
                await _api.PostTextAsync(_api.For(DemoAccounts.Sponsor), $"{S}/sweat-calibrations?model=4pl", DemoSensingSweat.StandardsCsv(), "text/csv", token));
        }

        foreach (var p in sweatGroup)
        {
            for (var w = 0; w < DemoSensingSweat.Wears.Length; w++)
            {
                var wear = DemoSensingSweat.Wears[w];
                var patches = new (string Serial, HttpClient Client, long Id)[DemoSensingSweat.Locations.Length];
                var tag = (char)('A' + w);
                Plan(p, p.BaselineOn.AddDays(wear[0] - 1), async token =>
                {
                    for (var l = 0; l < patches.Length; l++)
                    {
                        var serial = $"SP-{p.Number}-{tag}{(DemoSensingSweat.Locations[l].Lesional ? 'L' : 'N')}";
                        var device = await _api.PostAsync(_api.For(DemoAccounts.Coordinator(p.Site.Id)), $"{P(p)}/devices", new { serial, kind = "sweatPatch" }, token);
                        patches[l] = (serial, Device(device.GetProperty("token").GetString()!), device.GetProperty("id").GetInt64());
                    }
                });
                foreach (var day in wear)
                {
                    Plan(p, p.BaselineOn.AddDays(day), async token => Interlocked.Add(ref readings, await SweatDayAsync(p, day, patches, token)));
                }

                Plan(p, p.BaselineOn.AddDays(wear[^1] + 1), async token =>
                {
                    foreach (var (_, _, id) in patches)
                    {
                        await UnpairAsync(p, id, token);
                    }
                });
            }
        }

        var stoodAt = _clock.GetUtcNow();
        try
        {
            foreach (var (at, steps) in plan)
            {
                _clock.Set(at);
                await Parallel.ForEachAsync(steps, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct }, async (entry, token) =>
                {
                    foreach (var step in entry.Value)
                    {
                        await step(token);
                    }
                });
            }
        }
        finally
        {
            _clock.Set(stoodAt);
            foreach (var client in devices)
            {
                client.Dispose();
            }
        }

        return new DemoSensingResult(nightGroup.Count, nights, samples, sweatGroup.Count, readings, _api.Requests - requestsBefore);
    }

    /// <summary>The coordinator pairs a device; returns its ingest token (shown once).</summary>
    private async Task<string> PairAsync(DemoParticipant p, string serial, string kind, CancellationToken ct)
    {
        var device = await _api.PostAsync(_api.For(DemoAccounts.Coordinator(p.Site.Id)), $"{P(p)}/devices", new { serial, kind }, ct);
        return device.GetProperty("token").GetString()!;
    }

    private async Task UnpairAsync(DemoParticipant p, long deviceId, CancellationToken ct)
    {
        Interlocked.Increment(ref _api.Requests);
        using var response = await _api.For(DemoAccounts.Coordinator(p.Site.Id)).DeleteAsync(new Uri($"{P(p)}/devices/{deviceId}", UriKind.Relative), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoSeedException($"DELETE {P(p)}/devices/{deviceId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>Simulates the night starting on the evening of study day <paramref name="day"/> and uploads it hour by hour; returns samples per axis.</summary>
    private async Task<long> NightAsync(DemoParticipant p, int day, HttpClient band, CancellationToken ct)
    {
        var evening = p.BaselineOn.AddDays(day);
        var seed = DemoSeed.Of(p.Seed, day, 41);
        var night = DemoSensing.Night((double)DemoTrajectory.Easi(p, 0), (double)DemoTrajectory.Easi(p, day), seed);
        var start = DemoSensing.Bedtime(evening, TimeZoneInfo.FindSystemTimeZoneById(p.Site.TimeZone), seed);
        foreach (var batch in DemoSensing.Batches(night, evening, start))
        {
            using var content = new ByteArrayContent(SampleBatchFormat.Write(batch));
            content.Headers.ContentType = new MediaTypeHeaderValue(SamplesMediaType);
            await _api.SendAsync(band, HttpMethod.Post, $"/api/devices/WB-{p.Number}/samples", content, ct);
        }

        return night.Night.SampleCount;
    }

    /// <summary>Each patch of the wear uploads its readings of the UTC day of study day <paramref name="day"/>; returns the readings sent.</summary>
    private async Task<int> SweatDayAsync(DemoParticipant p, int day, (string Serial, HttpClient Client, long Id)[] patches, CancellationToken ct)
    {
        var date = p.BaselineOn.AddDays(day);
        var activity = (double)(DemoTrajectory.Easi(p, day) / Math.Max(1m, DemoTrajectory.Easi(p, 0)));
        var sent = 0;
        for (var l = 0; l < patches.Length; l++)
        {
            var (location, lesional) = DemoSensingSweat.Locations[l];
            var readings = DemoSensingSweat.Day(date, lesional, activity, p.Seed);
            var channels = DemoSensingSweat.Panel.Select(c => new { cytokine = c.Cytokine, location, lesional }).ToArray();
            await _api.PostAsync(patches[l].Client, $"/api/devices/{patches[l].Serial}/readings", new
            {
                batchId = $"D{date:yyyyMMdd}",
                lot = DemoSensingSweat.Lot,
                channels,
                readings = readings.Select(r => new { time = r.Time, channel = r.Cytokine, response = r.Response, temperatureC = r.TemperatureC, sweatRate = r.SweatRate }),
            }, ct);
            sent += readings.Count;
        }

        return sent;
    }
}
