using System.Net;
using Dermis.Cli.Commands;
using Dermis.Sensing.Io;
using Dermis.Sensing.Simulation;
using Dermis.Testing;

namespace Dermis.Cli.Tests;

public sealed class SenseImportTests
{
    [Fact]
    public async Task Import_sends_a_device_file_in_batches_through_the_ingest_API_and_a_second_import_stores_nothing()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var p = await trial.EnrolAsync();
        var (paired, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/devices", new { serial = "WB-9001", kind = "wristband" });
        Assert.Equal(HttpStatusCode.Created, paired);
        // Forty minutes at 20 Hz from 2026-03-27T22:00:00Z, read back from a CSV file as the command does.
        var night = NightSimulator.Simulate(new NightSimulationOptions { DurationHours = 40 / 60.0 }, 3).Night;
        var times = Enumerable.Range(0, night.SampleCount).Select(i => 1774648800 + (i / 20.0)).ToArray();
        var folder = Directory.CreateTempSubdirectory("dermis-import-").FullName;
        try
        {
            var csv = Path.Combine(folder, "night.csv");
            await using (var writer = new StreamWriter(csv))
            {
                AccelerometerCsvReader.Write(new AccelerometerRecording("csv", 20, times, night.X, night.Y, night.Z), writer);
            }

            var recording = AccelerometerFiles.Read(csv);
            using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);
            var token = device.GetProperty("token").GetString()!;

            var first = await DeviceImport.SendAsync(client, "WB-9001", token, recording, "0123456789abcdef", 15, CancellationToken.None);
            var second = await DeviceImport.SendAsync(client, "WB-9001", token, recording, "0123456789abcdef", 15, CancellationToken.None);

            // 48,000 samples in 15-minute batches: 18,000 + 18,000 + 12,000.
            Assert.Equal(new ImportResult(3, 3, 0, 48_000, 0), first);
            Assert.Equal(new ImportResult(3, 0, 3, 48_000, 0), second);
            var (_, audit) = await trial.GetAsync("dm", $"/api/studies/{trial.Study}/audit?participant={p}");
            Assert.Equal(3, audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "ingest"));
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => DeviceImport.SendAsync(client, "WB-9001", "wrong-token", recording, "0123456789abcdef", 15, CancellationToken.None));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("Pair the device again", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Import_without_a_token_or_with_a_bad_batch_length_is_exit_code_2()
    {
        Environment.SetEnvironmentVariable("DERMIS_DEVICE_TOKEN", null);
        var noToken = await CliRun.RunAsync("sense", "import", "missing.csv", "--server", "http://127.0.0.1:9", "--serial", "WB-1");
        var badLength = await CliRun.RunAsync("sense", "import", "missing.csv", "--server", "http://127.0.0.1:9", "--serial", "WB-1", "--batch-minutes", "90");

        Assert.Equal((2, 2), (noToken.ExitCode, badLength.ExitCode));
        Assert.Contains("device token: set DERMIS_DEVICE_TOKEN or pass --token-file", noToken.Error, StringComparison.Ordinal);
        Assert.Contains("--batch-minutes: 1–60; got 90", badLength.Error, StringComparison.Ordinal);
    }
}
