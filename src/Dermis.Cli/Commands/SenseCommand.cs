using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dermis.Sensing.Io;
using Dermis.Sensing.Nights;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis sense scratch &lt;file&gt; --out DIR</c>: one night's sleep and scratch from a device file, offline (docs/sensing.md).</summary>
internal static class SenseCommand
{
    // WASO and sleep onset latency are NaN on a night without sleep (NightlySleep); JSON has no NaN, so it is written "NaN".
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A GENEActiv .bin, Axivity .cwa or CSV (time,x,y,z) recording of one night." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for night.json, scratch-events.csv and sleep-per-minute.csv.", Required = true };
        var scratch = new Command("scratch", "Sleep window, sleep/wake, sleep measures and scratch events of one night, from a wrist accelerometer file.") { file, output };
        scratch.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CommandLineInputException($"file: {path.FullName} does not exist");
            }

            AccelerometerRecording recording;
            try
            {
                recording = AccelerometerFiles.Read(path.FullName);
            }
            catch (FormatException e)
            {
                throw new CommandLineInputException(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineInputException($"file: {path.FullName} cannot be read: {e.Message}");
            }

            NightAnalysisResult result;
            try
            {
                var x = Resampling.Resample(recording.X, recording.SampleRateHz);
                var y = Resampling.Resample(recording.Y, recording.SampleRateHz);
                var z = Resampling.Resample(recording.Z, recording.SampleRateHz);
                result = NightAnalysis.Analyse(x, y, z, Resampling.AnalysisRateHz);
            }
            catch (ArgumentException e)
            {
                throw new CommandLineInputException($"{path.Name}: {e.Message.Split(" (Parameter", 2)[0]}");
            }

            var folder = parseResult.GetValue(output)!;
            try
            {
                await WriteOutputsAsync(folder, path.Name, recording, result, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineInputException($"--out: {folder.FullName} cannot be written: {e.Message}");
            }

            var m = result.Measures;
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{path.Name}: sleep opportunity {m.TotalSleepOpportunityMinutes:F0} min{(m.WindowFound ? "" : " (no rest window found: whole recording)")}, total sleep {m.TotalSleepTimeMinutes:F0} min, efficiency {m.SleepEfficiency:P0}, WASO {m.WakeAfterSleepOnsetMinutes:F0} min; scratch {m.ScratchEvents} events, {m.ScratchSeconds:F0} s ({m.ScratchSecondsPerHour:F1} s/h)"));
            return ExitCodes.Success;
        }));
        return new Command("sense", "Remote biomarkers from device files.") { scratch, CreateImport(), SweatCommand.Create() };
    }

    /// <summary><c>dermis sense import &lt;file&gt; --server URL --serial S</c>: send a device file through the ingest API; the token comes from DERMIS_DEVICE_TOKEN or --token-file.</summary>
    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "A GENEActiv .bin, Axivity .cwa or CSV (time,x,y,z) recording." };
        var server = new Option<Uri>("--server") { Description = "The Dermis server, e.g. http://127.0.0.1:5080.", Required = true };
        var serial = new Option<string>("--serial") { Description = "The paired wristband's serial.", Required = true };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "File holding the device token from pairing (else the DERMIS_DEVICE_TOKEN environment variable)." };
        var minutes = new Option<double>("--batch-minutes") { Description = "Minutes per batch, 1–60 (default 15).", DefaultValueFactory = _ => 15 };
        var import = new Command("import", "Send a wrist accelerometer file to the server in batches, as the device would; running it again stores nothing twice.")
        {
            file, server, serial, tokenFile, minutes,
        };
        import.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var path = parseResult.GetValue(file)!;
            var batchMinutes = parseResult.GetValue(minutes);
            if (!(batchMinutes >= 1 && batchMinutes <= 60))
            {
                throw new CommandLineInputException($"--batch-minutes: 1–60; got {batchMinutes.ToString(CultureInfo.InvariantCulture)}");
            }

            var token = parseResult.GetValue(tokenFile) is { } tf
                ? (tf.Exists ? (await File.ReadAllTextAsync(tf.FullName, cancellationToken)).Trim() : throw new CommandLineInputException($"--token-file: {tf.FullName} does not exist"))
                : Environment.GetEnvironmentVariable("DERMIS_DEVICE_TOKEN");
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new CommandLineInputException("device token: set DERMIS_DEVICE_TOKEN or pass --token-file (the token shown once when the device was paired)");
            }

            if (!path.Exists)
            {
                throw new CommandLineInputException($"file: {path.FullName} does not exist");
            }

            AccelerometerRecording recording;
            string hash;
            try
            {
                recording = AccelerometerFiles.Read(path.FullName);
                await using var stream = path.OpenRead();
                hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
            }
            catch (FormatException e)
            {
                throw new CommandLineInputException(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineInputException($"file: {path.FullName} cannot be read: {e.Message}");
            }

            using var client = new HttpClient { BaseAddress = parseResult.GetValue(server) };
            try
            {
                var result = await DeviceImport.SendAsync(client, parseResult.GetValue(serial)!, token, recording, hash, batchMinutes, cancellationToken);
                await writer.WriteLineAsync(DeviceImport.Describe(path.Name, result));
                return ExitCodes.Success;
            }
            catch (HttpRequestException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"{path.Name}: {e.Message}");
                return e.StatusCode is { } code && (int)code is >= 400 and < 500 ? ExitCodes.BadInput : ExitCodes.Failure;
            }
        }));
        return import;
    }

    private static async Task WriteOutputsAsync(DirectoryInfo folder, string fileName, AccelerometerRecording recording, NightAnalysisResult result, CancellationToken cancellationToken)
    {
        folder.Create();
        var start = recording.TimeUnixSeconds[0];
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "night.json"), JsonSerializer.Serialize(new
        {
            file = fileName,
            device = recording.DeviceType,
            serial = recording.Serial,
            sampleRateHz = recording.SampleRateHz,
            firstSampleUnixSeconds = start,
            measures = result.Measures,
        }, Json), cancellationToken);
        await using (var events = new StreamWriter(Path.Combine(folder.FullName, "scratch-events.csv")))
        {
            await events.WriteLineAsync("start_unix_s,end_unix_s,duration_s");
            foreach (var e in result.Events)
            {
                await events.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{start + e.StartSeconds:F3},{start + e.EndSeconds:F3},{e.EndSeconds - e.StartSeconds:F3}"));
            }
        }

        await using var sleep = new StreamWriter(Path.Combine(folder.FullName, "sleep-per-minute.csv"));
        await sleep.WriteLineAsync("minute,start_unix_s,sleep");
        for (var i = 0; i < result.SleepPerMinute.Count; i++)
        {
            await sleep.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i},{start + (i * 60):F3},{(result.SleepPerMinute[i] ? 1 : 0)}"));
        }
    }
}
