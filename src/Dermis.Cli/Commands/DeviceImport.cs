using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dermis.Sensing.Ingest;
using Dermis.Sensing.Io;

namespace Dermis.Cli.Commands;

/// <summary>What an import sent.</summary>
/// <param name="Batches">Batches sent.</param>
/// <param name="Stored">Batches the server stored now.</param>
/// <param name="AlreadyStored">Batches the server already had (a repeated import).</param>
/// <param name="Samples">Samples per axis in the file.</param>
/// <param name="GapSeconds">Gaps the server reported before the batches, s.</param>
internal sealed record ImportResult(int Batches, int Stored, int AlreadyStored, long Samples, double GapSeconds);

/// <summary>
/// Loads a device file and sends it to a Dermis server through the same ingest API the device would use
/// (<c>POST /api/devices/{serial}/samples</c> with its token), in batches of a fixed length. Batch ids are
/// derived from the file's content hash and the batch index, so importing the same file again stores
/// nothing twice, and a stopped import can simply be run again.
/// </summary>
internal static class DeviceImport
{
    /// <summary>Sends <paramref name="recording"/> in batches of <paramref name="batchMinutes"/>; stops at the first refusal.</summary>
    /// <exception cref="HttpRequestException">The server refused a batch; the message holds its problem.</exception>
    public static async Task<ImportResult> SendAsync(HttpClient client, string serial, string token, AccelerometerRecording recording, string fileHash, double batchMinutes,
        CancellationToken cancellationToken)
    {
        var perBatch = Math.Max(1, (int)Math.Round(batchMinutes * 60 * recording.SampleRateHz));
        var count = recording.X.Length;
        var (batches, stored, duplicates, gaps) = (0, 0, 0, 0.0);
        for (var start = 0; start < count; start += perBatch)
        {
            var n = Math.Min(perBatch, count - start);
            var samples = new float[n * 3];
            for (var i = 0; i < n; i++)
            {
                (samples[3 * i], samples[(3 * i) + 1], samples[(3 * i) + 2]) = (recording.X[start + i], recording.Y[start + i], recording.Z[start + i]);
            }

            var startMicros = (long)Math.Round(recording.TimeUnixSeconds[start] * 1_000_000);
            var batch = new SampleBatch($"f{fileHash[..12]}-{batches:D5}", SampleKind.Accelerometer, startMicros, (float)recording.SampleRateHz, samples);
            using var content = new ByteArrayContent(SampleBatchFormat.Write(batch));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.dermis.samples");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/devices/{Uri.EscapeDataString(serial)}/samples") { Content = content };
            request.Headers.TryAddWithoutValidation("Authorization", "Device " + token);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"batch {batches + 1} ({batch.BatchId}) was refused: {(int)response.StatusCode} {Problem(body)}", null, response.StatusCode);
            }

            using var receipt = JsonDocument.Parse(body);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                stored++;
            }
            else
            {
                duplicates++;
            }

            if (receipt.RootElement.TryGetProperty("gapBeforeSeconds", out var gap) && gap.ValueKind == JsonValueKind.Number && gap.GetDouble() > 0)
            {
                gaps += gap.GetDouble();
            }

            batches++;
        }

        return new ImportResult(batches, stored, duplicates, count, gaps);
    }

    private static string Problem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : root.TryGetProperty("title", out var t) ? t.GetString() : null;
            if (root.TryGetProperty("errors", out var errors))
            {
                detail += " " + string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(", ", e.Value.EnumerateArray().Select(v => v.GetString()))}"));
            }

            return detail ?? body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    /// <summary>A summary line.</summary>
    public static string Describe(string file, ImportResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{file}: {result.Samples} samples in {result.Batches} batches: {result.Stored} stored, {result.AlreadyStored} already stored{(result.GapSeconds > 0 ? $", {result.GapSeconds:0.#} s of gaps reported" : "")}");
}
