using System.Globalization;
using System.Net;
using System.Text.Json;
using Dermis.Sensing.Ingest;

using static Dermis.Bench.Reliability.Harness.CrashHttp;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>
/// The concurrent writers of one round: eCRF saves (each writer its own form, with the row version it
/// holds), diary submissions (fresh client entry ids, paced) and device batches (fresh batch ids). Each
/// records what the server acknowledged; a request cut off by the kill is recorded as unknown and ends
/// that writer's round.
/// </summary>
internal sealed class CrashWriters(HttpClient http, CrashCohort cohort, CrashLedger ledger, int round, int diaryWriters, int devicePauseMs, int diaryPauseMs)
{
    private volatile bool _stopping;
    private int _outstanding;
    private int _cutOff;

    /// <summary>Requests cut off by the kill this round (sent, never answered).</summary>
    public int CutOff => Volatile.Read(ref _cutOff);

    public Task RunAsync()
    {
        var tasks = new List<Task>();
        tasks.AddRange(ledger.Forms.Select(f => Task.Run(() => FormWriterAsync(f))));
        tasks.AddRange(Enumerable.Range(0, diaryWriters).Select(_ => Task.Run(DiaryWriterAsync)));
        tasks.AddRange(Enumerable.Range(0, cohort.Devices.Count).Select(d => Task.Run(() => DeviceWriterAsync(d))));
        return Task.WhenAll(tasks);
    }

    /// <summary>Stops new requests and returns how many are in flight now, just before the kill.</summary>
    public int Stop()
    {
        _stopping = true;
        return Volatile.Read(ref _outstanding);
    }

    private bool Begin()
    {
        // Counted before the stop check, so that the count taken at the kill includes every request that will go out.
        Interlocked.Increment(ref _outstanding);
        if (!_stopping)
        {
            return true;
        }

        Interlocked.Decrement(ref _outstanding);
        return false;
    }

    private async Task<(HttpStatusCode Status, string Body)?> SendAsync(HttpRequestMessage request)
    {
        try
        {
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            // The server died with the request in flight: it may or may not have committed it.
            Interlocked.Increment(ref _cutOff);
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
            request.Dispose();
        }
    }

    private async Task FormWriterAsync(CrashFormState form)
    {
        while (Begin())
        {
            var n = form.NextN++;
            var body = Json(new { data = new { n }, rowVersion = form.RowVersion, reason = (string?)null });
            var answer = await SendAsync(Request(HttpMethod.Put, form.Form.Path, "Bearer", cohort.CoordinatorToken, body));
            if (answer is null)
            {
                form.PendingN = n;
                return;
            }

            if (answer.Value.Status != HttpStatusCode.OK)
            {
                ledger.Errors.Enqueue($"PUT {form.Form.Path} (n={n}, rowVersion={form.RowVersion}): {(int)answer.Value.Status} {answer.Value.Body}");
                return;
            }

            using var json = JsonDocument.Parse(answer.Value.Body);
            ledger.FormAcknowledged(form, n, json.RootElement.GetProperty("rowVersion").GetInt64());
        }
    }

    private async Task DiaryWriterAsync()
    {
        var random = new Random(round * 7919 + Environment.CurrentManagedThreadId);
        while (ledger.FreeDiarySlots.TryDequeue(out var slot))
        {
            var write = new CrashDiaryWrite(slot.Diarist, slot.Diary, slot.Date, Guid.NewGuid().ToString("N"), random.Next(0, 11));
            if (!Begin())
            {
                ledger.FreeDiarySlots.Enqueue(slot);
                return;
            }

            if (await SubmitDiaryAsync(write) is false)
            {
                ledger.UnknownDiary.Enqueue(write);
                return;
            }

            await Task.Delay(diaryPauseMs);
        }
    }

    /// <summary>Sends one diary entry; true when acknowledged, false when cut off, null when refused (an error).</summary>
    public async Task<bool?> SubmitDiaryAsync(CrashDiaryWrite write)
    {
        var date = write.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Made inside the window (00:00–23:59 UTC of its date), never ahead of the server's clock.
        var noon = new DateTimeOffset(write.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var made = noon < now ? noon : (now.Date == noon.Date ? now : noon);
        var body = Json(new { clientEntryId = write.ClientEntryId, deviceTime = made.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), answers = new { worstItch = write.WorstItch } });
        var answer = await SendAsync(Request(HttpMethod.Post, $"/api/me/diaries/{write.Diary}/{date}", "Bearer", cohort.Diarists[write.Diarist].Token, body));
        if (answer is null)
        {
            return false;
        }

        if (answer.Value.Status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            ledger.DiaryAcknowledged(write);
            return true;
        }

        ledger.Errors.Enqueue($"diary {write.Diary}/{date} of {cohort.Diarists[write.Diarist].ScreeningNumber}: {(int)answer.Value.Status} {answer.Value.Body}");
        return null;
    }

    private async Task DeviceWriterAsync(int device)
    {
        while (Begin())
        {
            var write = NewBatch(device, round, ledger.NextBatch[device]++);
            if (await PostBatchAsync(write) is not true)
            {
                return;
            }

            await Task.Delay(devicePauseMs);
        }
    }

    /// <summary>Sends one batch; true when acknowledged (201, or 200 duplicate for a retry), false when cut off.</summary>
    public async Task<bool?> PostBatchAsync(CrashBatchWrite write)
    {
        var serial = cohort.Devices[write.Device].Serial;
        var answer = await SendAsync(Request(HttpMethod.Post, $"/api/devices/{serial}/samples", "Device", cohort.Devices[write.Device].Token, Samples(write.Body)));
        if (answer is null)
        {
            ledger.UnknownBatches.Enqueue(write);
            return false;
        }

        if (answer.Value.Status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            ledger.BatchAcknowledged(serial, write);
            return true;
        }

        ledger.Errors.Enqueue($"batch {write.BatchId} of {serial}: {(int)answer.Value.Status} {answer.Value.Body}");
        return null;
    }

    /// <summary>One minute of 20 Hz wrist data, consecutive batches back to back from a fixed night.</summary>
    private static CrashBatchWrite NewBatch(int device, int round, int sequence)
    {
        const float rateHz = 20;
        var random = new Random(device * 100_003 + sequence);
        var samples = new float[60 * (int)rateHz * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.5) * 0.05) + (i % 3 == 2 ? 1f : 0f);
        }

        var start = new DateTimeOffset(2026, 1, 5, 22, 0, 0, TimeSpan.Zero).AddMinutes(sequence).ToUnixTimeMilliseconds() * 1000;
        var id = $"r{round:000}-b{sequence:000000}";
        return new CrashBatchWrite(device, id, SampleBatchFormat.Write(new SampleBatch(id, SampleKind.Accelerometer, start, rateHz, samples)));
    }
}
