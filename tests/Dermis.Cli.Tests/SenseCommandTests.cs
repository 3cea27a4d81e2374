using System.Text.Json;
using Dermis.Sensing.Io;
using Dermis.Sensing.Nights;
using Dermis.Sensing.Simulation;

namespace Dermis.Cli.Tests;

public sealed class SenseCommandTests
{
    private static readonly string Data = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../tests/data"));

    [Fact]
    public async Task Sense_scratch_writes_the_same_measures_as_the_night_analysis_and_its_events()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sense-").FullName;
        try
        {
            // Forty minutes of a simulated severe night, written as a CSV recording from 2026-03-27T22:00:00Z.
            var night = NightSimulator.Simulate(new NightSimulationOptions { DurationHours = 40 / 60.0, Severity = ScratchSeverity.Severe }, 7).Night;
            var times = Enumerable.Range(0, night.SampleCount).Select(i => 1774648800 + (i / 20.0)).ToArray();
            var csv = Path.Combine(folder, "night.csv");
            await using (var writer = new StreamWriter(csv))
            {
                AccelerometerCsvReader.Write(new AccelerometerRecording("csv", 20, times, night.X, night.Y, night.Z), writer);
            }

            var run = await CliRun.RunAsync("sense", "scratch", csv, "--out", Path.Combine(folder, "out"));
            var expected = NightAnalysis.Analyse(night.X, night.Y, night.Z, 20).Measures;

            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "out", "night.json")));
            var measures = json.RootElement.GetProperty("measures");
            Assert.Equal(expected.ScratchEvents, measures.GetProperty("scratchEvents").GetInt32());
            Assert.Equal(expected.TotalSleepTimeMinutes, measures.GetProperty("totalSleepTimeMinutes").GetDouble());
            Assert.Equal("dermis-sensing 1", measures.GetProperty("algorithmVersion").GetString());
            var events = await File.ReadAllLinesAsync(Path.Combine(folder, "out", "scratch-events.csv"));
            Assert.Equal("start_unix_s,end_unix_s,duration_s", events[0]);
            Assert.Equal(expected.ScratchEvents, events.Length - 1);
            Assert.Equal(41, (await File.ReadAllLinesAsync(Path.Combine(folder, "out", "sleep-per-minute.csv"))).Length); // header + 40 minutes
            Assert.Contains($"scratch {expected.ScratchEvents} events", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_recording_shorter_than_ten_minutes_or_not_a_device_file_is_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sense-").FullName;
        try
        {
            // The GENEActiv sample holds 18 s (900 samples at 50 Hz).
            var shortFile = await CliRun.RunAsync("sense", "scratch", Path.Combine(Data, "skdh-testvectors", "io", "gnactv_sample.bin"), "--out", folder);
            var text = Path.Combine(folder, "notes.bin");
            await File.WriteAllTextAsync(text, "time,x,y,z\n");
            var wrong = await CliRun.RunAsync("sense", "scratch", text, "--out", folder);

            Assert.Equal(2, shortFile.ExitCode);
            Assert.Contains("gnactv_sample.bin: A night needs at least 10 minutes of data; got 18 s.", shortFile.Error, StringComparison.Ordinal);
            Assert.Equal(2, wrong.ExitCode);
            Assert.Contains("notes.bin: not a GENEActiv file", wrong.Error, StringComparison.Ordinal);
            Assert.False(shortFile.ShowsStackTrace || wrong.ShowsStackTrace);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_night_without_sleep_writes_NaN_for_the_undefined_measures()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sense-").FullName;
        try
        {
            // Eleven minutes of vigorous random movement (0.5 g per axis at 20 Hz): every minute is wake, so WASO and
            // sleep onset latency are undefined (NaN, NightlySleep), which JSON cannot hold as a number.
            var random = new Random(3);
            var n = 11 * 60 * 20;
            float[] Axis() => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 1.7)).ToArray();
            var (x, y, z) = (Axis(), Axis(), Axis());
            var csv = Path.Combine(folder, "restless.csv");
            await using (var writer = new StreamWriter(csv))
            {
                AccelerometerCsvReader.Write(new AccelerometerRecording("csv", 20, Enumerable.Range(0, n).Select(i => 1774648800 + (i / 20.0)).ToArray(), x, y, z), writer);
            }

            var run = await CliRun.RunAsync("sense", "scratch", csv, "--out", Path.Combine(folder, "out"));

            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "out", "night.json")));
            var measures = json.RootElement.GetProperty("measures");
            Assert.Equal(0, measures.GetProperty("totalSleepTimeMinutes").GetDouble());
            Assert.Equal("NaN", measures.GetProperty("wakeAfterSleepOnsetMinutes").GetString());
            Assert.Equal("NaN", measures.GetProperty("sleepOnsetLatencyMinutes").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_is_exit_code_2_naming_the_option()
    {
        var folder = Directory.CreateTempSubdirectory("dermis-sense-").FullName;
        try
        {
            var night = NightSimulator.Simulate(new NightSimulationOptions { DurationHours = 11 / 60.0 }, 1).Night;
            var csv = Path.Combine(folder, "night.csv");
            await using (var writer = new StreamWriter(csv))
            {
                AccelerometerCsvReader.Write(new AccelerometerRecording("csv", 20, Enumerable.Range(0, night.SampleCount).Select(i => 1774648800 + (i / 20.0)).ToArray(), night.X, night.Y, night.Z), writer);
            }

            var blocker = Path.Combine(folder, "taken");
            await File.WriteAllTextAsync(blocker, "not a folder");

            var run = await CliRun.RunAsync("sense", "scratch", csv, "--out", blocker);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"dermis: --out: {blocker} cannot be written", run.Error, StringComparison.Ordinal);
            Assert.False(run.ShowsStackTrace, run.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
