using System.Globalization;
using System.Text.Json;
using Dermis.Sensing;
using Dermis.Sensing.Nights;
using Dermis.Server.Hosting;
using Dermis.Server.Participation;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Sensing;

/// <summary>A night's stored measures.</summary>
/// <param name="Night">The evening's local date.</param>
/// <param name="AlgorithmVersion">Algorithm set that computed them.</param>
/// <param name="WindowStart">Sleep window start, or null.</param>
/// <param name="WindowEnd">Sleep window end, or null.</param>
/// <param name="Measures">The measures (<see cref="NightMeasures"/> and the data coverage).</param>
/// <param name="ComputedAt">When.</param>
internal sealed record NightView(string Night, string AlgorithmVersion, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, JsonElement Measures, DateTimeOffset ComputedAt);

/// <summary>What the night view draws (docs/sensing.md, "Night view").</summary>
/// <param name="RecordingStart">Time of the first laid-out sample; every offset below counts from it.</param>
/// <param name="StepSeconds">Step of <paramref name="MovementMg"/>.</param>
/// <param name="MovementMg">Standard deviation of the acceleration magnitude per step, mg (<see cref="MovementTrace"/>).</param>
/// <param name="SleepPerMinute">One letter per minute from the recording start: S sleep, W wake (Cole–Kripke with Webster rescoring).</param>
/// <param name="Window">Sleep-opportunity window [start, end), s.</param>
/// <param name="Events">Scratch events [start, end), s.</param>
internal sealed record NightTrace(DateTimeOffset RecordingStart, double StepSeconds, float[] MovementMg, string SleepPerMinute, double[] Window, double[][] Events);

/// <summary>A night with its trace (null for a night computed before traces were kept).</summary>
/// <param name="Night">The stored night.</param>
/// <param name="Trace">What the night view draws.</param>
internal sealed record NightDetail(NightView Night, NightTrace? Trace);

/// <summary>
/// Nightly measures from a participant's wristband batches (docs/sensing.md): the night of a local
/// date runs from 18:00 that evening to 12:00 the next day in the participant's time zone. Batches
/// are laid out in time order; where two overlap, the samples of the earlier batch are kept; a gap
/// is filled with the last sample (it reads as stillness) and its length is reported with the measures.
/// </summary>
internal static class NightEndpoints
{
    // A night without sleep has no WASO or onset latency (NaN): written as "NaN", not an error.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Step of the night view's movement trace, s (6,480 points for an 18-h night).</summary>
    private const double TraceStepSeconds = 10;

    /// <summary>Highest sample rate a night is laid out at (18 h at 100 Hz is 6.5 million samples per axis).</summary>
    private const double MaxRateHz = 100;

    public static IEndpointRouteBuilder MapNights(this IEndpointRouteBuilder routes)
    {
        var participant = routes.MapGroup("/api/studies/{studyId}/participants/{participant}").WithTags("Sensing");
        participant.MapGet("/nights", ListAsync).WithSummary("Stored nightly sleep and scratch measures, every algorithm version.");
        participant.MapGet("/nights/{date}", GetAsync)
            .WithSummary("One night as the current algorithm version computed it, with what the night view draws: movement per 10 s, sleep per minute, sleep window and scratch events.");
        participant.MapPost("/nights/{date}/analyse", AnalyseAsync)
            .WithSummary("Compute (or re-compute with the current algorithm version) the night of a local date from the wristband's batches (raises alerts on worsening), or with ?source=radio the radio box's respiration and heart rate.");
        routes.MapGet("/api/studies/{studyId}/sensing-alerts", AlertsAsync).WithTags("Sensing")
            .WithSummary("Worsening of nocturnal scratch or sleep against participants' own baselines, at the sites the caller sees, newest first.");
        return routes;
    }

    private static async Task<IResult> ListAsync(string studyId, string participant, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok((await request.Store.ListNightSummariesAsync(row.Id)).Select(View));
    }

    private static async Task<IResult> GetAsync(string studyId, string participant, string date, HttpContext http)
    {
        var night = ParseNight(date);
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var row = await request.ParticipantAsync(participant);
        return TypedResults.Ok(await FindNightAsync(request.Store, row, night, http.RequestAborted)
            ?? throw new NotFoundException($"The night of {date} of {participant} has not been analysed with {SensingInfo.AlgorithmVersion}."));
    }

    /// <summary>The night as the current algorithm version computed it, with its trace, or null.</summary>
    internal static async Task<NightDetail?> FindNightAsync(TrialStore store, ParticipantRow row, DateOnly night, CancellationToken cancellationToken)
    {
        var saved = await store.GetNightSummaryAsync(row.Id, night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SensingInfo.AlgorithmVersion, cancellationToken);
        return saved is null ? null : new NightDetail(View(saved), saved.Trace is { } t ? JsonSerializer.Deserialize<NightTrace>(t, Json) : null);
    }

    /// <summary>The radio night (vitals algorithm version), or null.</summary>
    internal static async Task<NightView?> FindRadioNightAsync(TrialStore store, ParticipantRow row, DateOnly night, CancellationToken cancellationToken) =>
        await store.GetNightSummaryAsync(row.Id, night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Dermis.Sensing.Vitals.RadioNightAnalysis.AlgorithmVersion, cancellationToken) is { } saved
            ? View(saved) : null;

    private static DateOnly ParseNight(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var night) ? night
            : throw BadInputException.Field("date", $"must be the evening's date yyyy-MM-dd; got '{date}'");

    internal static async Task<IResult> AnalyseAsync(string studyId, string participant, string date, string? source, HttpContext http)
    {
        var night = ParseNight(date);
        if (source is not (null or "wristband" or "radio"))
        {
            throw BadInputException.Field("source", $"wristband (default) or radio; got '{source}'");
        }

        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantAsync(participant);
        request.Require(Capability.ManageParticipants, row.SiteId);
        if (source == "radio")
        {
            request.Audit(await RadioNights.AnalyseAsync(request.Store, row, night, request.Now, http.RequestAborted));
            await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
            return TypedResults.Ok(await FindRadioNightAsync(request.Store, row, night, http.RequestAborted));
        }

        var view = await AnalyseNightAsync(request.Store, row, night, request.Now, http.RequestAborted);
        foreach (var change in await AuditAndAlertAsync(request.Store, (await request.ProtocolAsync()).Definition.SensingAlerts, row, view, request.Now))
        {
            request.Audit(change);
        }
        await request.CommitAsync(Capability.ManageParticipants, row.SiteId);
        return TypedResults.Ok(view);
    }

    /// <summary>Lays out the night's batches, analyses them and stores the summary (caller commits).</summary>
    internal static async Task<NightView> AnalyseNightAsync(TrialStore store, ParticipantRow row, DateOnly night, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, to) = NightWindows.Of(night, ParticipantSession.ZoneOf(row));
        var batches = await store.ListSensorBatchesAsync(row.Id, "accelerometer", UtcText.Format(from), UtcText.Format(to), withSamples: true, cancellationToken);
        if (batches.Count == 0)
        {
            throw new NotFoundException($"No wristband data for the night of {night:yyyy-MM-dd} ({from.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} to {to.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}).");
        }

        var rate = batches[0].SampleRate;
        if (rate > MaxRateHz)
        {
            throw new Dermis.Trials.Workflow.DomainRuleException("rate-too-high", $"Night analysis takes wristband data at up to {MaxRateHz} Hz; these batches are at {rate} Hz.");
        }

        // Lying still with the band face up reads (0, 0, 1) g: what a gap at the very start is held at.
        var layout = NightLayout.Of(batches, from, to, [0f, 0f, 1f]);
        var (x, y, z, start, end) = (layout.Channels[0], layout.Channels[1], layout.Channels[2], layout.Start, layout.End);
        NightAnalysisResult result;
        float[] trace;
        try
        {
            var (rx, ry, rz) = (Resampling.Resample(x, rate), Resampling.Resample(y, rate), Resampling.Resample(z, rate));
            result = NightAnalysis.Analyse(rx, ry, rz, Resampling.AnalysisRateHz);
            trace = MovementTrace.StandardDeviationMilliG(rx, ry, rz, Resampling.AnalysisRateHz, TraceStepSeconds);
        }
        catch (ArgumentException e)
        {
            // Too little data for a night: the participant's data, not the server, is at fault.
            throw new Dermis.Trials.Workflow.DomainRuleException("too-little-data", $"The night of {night:yyyy-MM-dd}: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        var m = result.Measures;
        var measures = JsonSerializer.SerializeToElement(new { measures = m, gapSeconds = layout.GapSeconds, batches = batches.Count, recordingStart = start, recordingEnd = end }, Json);
        var saved = new NightSummaryRow
        {
            ParticipantId = row.Id,
            NightDate = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AlgorithmVersion = SensingInfo.AlgorithmVersion,
            WindowStartUtc = UtcText.Format(start.AddSeconds(m.WindowStartSeconds)),
            WindowEndUtc = UtcText.Format(start.AddSeconds(m.WindowEndSeconds)),
            Measures = measures.GetRawText(),
            ComputedAt = UtcText.Format(now),
            Trace = JsonSerializer.Serialize(new NightTrace(start, TraceStepSeconds, Array.ConvertAll(trace, v => MathF.Round(v, 1)),
                string.Concat(result.SleepPerMinute.Select(asleep => asleep ? 'S' : 'W')), [m.WindowStartSeconds, m.WindowEndSeconds],
                [.. result.Events.Select(e => new[] { Math.Round(e.StartSeconds, 2), Math.Round(e.EndSeconds, 2) })]), Json),
        };
        await store.SaveNightSummaryAsync(saved, cancellationToken);
        return View(saved);
    }

    /// <summary>The audit records of an analysed night and of the alerts it raised (the alerts are stored; the caller audits and commits).</summary>
    internal static async Task<List<AuditEvent>> AuditAndAlertAsync(TrialStore store, SensingAlertSettings settings, ParticipantRow row, NightView view, DateTimeOffset now)
    {
        var changes = new List<AuditEvent>
        {
            new(row.SiteId, row.ScreeningNumber, "night", $"{row.ScreeningNumber}/{view.Night}", null, "analyse", null, view.Measures.GetRawText(), view.AlgorithmVersion),
        };
        foreach (var alert in await RaiseAlertsAsync(store, settings, row, now))
        {
            changes.Add(new AuditEvent(row.SiteId, row.ScreeningNumber, "alert", $"{row.ScreeningNumber}/{alert.Measure}/{alert.NightDate}", null, "raise", null, alert.Message, null));
        }

        return changes;
    }

    /// <summary>Evaluates the participant's nights (current algorithm version) against the protocol's alert rules; stores and returns the new alerts.</summary>
    internal static async Task<List<SensingAlertRow>> RaiseAlertsAsync(TrialStore store, SensingAlertSettings settings, ParticipantRow row, DateTimeOffset now)
    {
        var rules = new NightAlertRules(settings.BaselineNights, settings.RollingNights, (double)settings.ScratchIncreasePercent,
            (double)settings.ScratchIncreaseMinimumSecondsPerHour, (double)settings.SleepEfficiencyDropPoints);
        var points = (await store.ListNightSummariesAsync(row.Id)).Where(n => n.AlgorithmVersion == SensingInfo.AlgorithmVersion).Select(n =>
        {
            using var json = JsonDocument.Parse(n.Measures);
            var m = json.RootElement.GetProperty("measures");
            return new NightPoint(DateOnly.ParseExact(n.NightDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), m.GetProperty("scratchSecondsPerHour").GetDouble(), m.GetProperty("sleepEfficiency").GetDouble());
        }).ToList();
        var added = new List<SensingAlertRow>();
        foreach (var alert in NightAlerts.Evaluate(points, rules))
        {
            var stored = new SensingAlertRow
            {
                ParticipantId = row.Id, NightDate = alert.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Measure = alert.Measure, Baseline = alert.Baseline,
                RollingMean = alert.RollingMean, Message = alert.Message, RaisedAt = UtcText.Format(now),
            };
            if (await store.AddSensingAlertAsync(stored))
            {
                added.Add(stored);
            }
        }

        return added;
    }

    private static async Task<IResult> AlertsAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        if (request.Access.VisibleSites is { Count: 0 })
        {
            throw new ForbiddenException($"Sensing alerts are for site staff; your roles in {studyId} see no site.");
        }

        return TypedResults.Ok((await request.Store.ListSensingAlertsAsync(studyId, request.Access.VisibleSites))
            .Select(a => new { Participant = a.ScreeningNumber, Site = a.SiteId, Night = a.NightDate, a.Measure, a.Baseline, a.RollingMean, a.Message, RaisedAt = UtcText.Parse(a.RaisedAt) }));
    }

    private static NightView View(NightSummaryRow row)
    {
        using var measures = JsonDocument.Parse(row.Measures);
        return new NightView(row.NightDate, row.AlgorithmVersion, row.WindowStartUtc is { } s ? UtcText.Parse(s) : null, row.WindowEndUtc is { } e ? UtcText.Parse(e) : null,
            measures.RootElement.Clone(), UtcText.Parse(row.ComputedAt));
    }
}
