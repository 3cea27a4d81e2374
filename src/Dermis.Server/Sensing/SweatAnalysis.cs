using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dermis.Sensing.Sweat;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Sensing;

/// <summary>A lot's calibration that quantified readings.</summary>
/// <param name="Lot">Sensor lot.</param>
/// <param name="Cytokine">Cytokine.</param>
/// <param name="Version">Calibration version.</param>
/// <param name="Model">Curve model.</param>
/// <param name="Unit">Concentration unit.</param>
internal sealed record CalibrationUsed(string Lot, string Cytokine, long Version, string Model, string Unit);

/// <summary>Readings that could not be quantified because their lot has no calibration for the cytokine.</summary>
/// <param name="Lot">Sensor lot.</param>
/// <param name="Cytokine">Cytokine.</param>
/// <param name="Readings">How many.</param>
internal sealed record Uncalibrated(string Lot, string Cytokine, int Readings);

/// <summary>A participant's sweat cytokines over a span (docs/sweat.md).</summary>
/// <param name="From">Start of the span.</param>
/// <param name="To">End of the span.</param>
/// <param name="Readings">Readings in the span.</param>
/// <param name="Flags">Readings per flag (ok, belowLoq, belowLod, aboveTopStandard, beyondAsymptote, channelFailed, lowSweatVolume, uncalibrated).</param>
/// <param name="Calibrations">The calibrations used (latest version of each lot and cytokine).</param>
/// <param name="Missing">Lots without a calibration for a cytokine.</param>
/// <param name="Summaries">Per cytokine × location, per day (or hour).</param>
/// <param name="Contrasts">Lesional against non-lesional, per cytokine and day.</param>
/// <param name="Index">The inflammation index per day against the participant's own baseline days.</param>
internal sealed record SweatReport(DateTimeOffset From, DateTimeOffset To, int Readings, IReadOnlyDictionary<string, int> Flags, IReadOnlyList<CalibrationUsed> Calibrations,
    IReadOnlyList<Uncalibrated> Missing, IReadOnlyList<CytokineSummary> Summaries, IReadOnlyList<LesionalContrast> Contrasts, InflammationIndexResult Index);

/// <summary>
/// Turns a participant's stored patch readings into concentrations with the latest calibration of each
/// sensor lot and cytokine, then into per-location summaries, lesional contrasts and the inflammation
/// index; evaluates the protocol's sweat alert rule. Raw readings are never changed: a new calibration
/// simply gives new concentrations the next time this runs.
/// </summary>
internal static class SweatAnalysis
{
    /// <summary>JSON for calibration curves (enums by name, so stored curves read plainly).</summary>
    public static readonly JsonSerializerOptions CurveJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The report of readings between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static async Task<SweatReport> ReportAsync(TrialStore store, string studyId, ParticipantRow row, DateTimeOffset from, DateTimeOffset to, SummaryPeriod period,
        int baselineDays, CancellationToken cancellationToken)
    {
        var batches = await store.ListSweatBatchesAsync(row.Id, UtcText.Format(from), UtcText.Format(to), cancellationToken);
        var quantifiers = new Dictionary<(string Lot, string Cytokine), SweatQuantifier?>();
        var used = new List<CalibrationUsed>();
        var missing = new Dictionary<(string Lot, string Cytokine), int>();
        var flags = new Dictionary<string, int>(StringComparer.Ordinal);
        var readings = new List<CytokineReading>();
        var fromMicros = (from.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var toMicros = (to.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        foreach (var batch in batches)
        {
            var channels = JsonSerializer.Deserialize<List<SweatChannel>>(batch.Channels, SweatIngestEndpoints.JsonOptions) ?? [];
            foreach (var r in SweatReadingRecords.Unpack(batch.Readings))
            {
                if (r.UnixMicros < fromMicros || r.UnixMicros > toMicros || r.Channel >= channels.Count)
                {
                    continue;
                }

                var channel = channels[r.Channel];
                var key = (batch.Lot, channel.Cytokine);
                if (!quantifiers.TryGetValue(key, out var quantifier))
                {
                    var calibration = await store.GetSweatCalibrationAsync(studyId, batch.Lot, channel.Cytokine, null, cancellationToken);
                    quantifier = calibration is null ? null : new SweatQuantifier(JsonSerializer.Deserialize<CalibrationCurve>(calibration.Curve, CurveJson)!);
                    quantifiers[key] = quantifier;
                    if (calibration is not null)
                    {
                        used.Add(new CalibrationUsed(calibration.Lot, calibration.Cytokine, calibration.Version, calibration.Model, calibration.Unit));
                    }
                }

                if (quantifier is null)
                {
                    missing[key] = missing.GetValueOrDefault(key) + 1;
                    Count(flags, "uncalibrated");
                    continue;
                }

                var quantified = quantifier.Quantify(r.Response, r.SweatRate);
                Count(flags, JsonNamingPolicy.CamelCase.ConvertName(quantified.Flag.ToString()));
                readings.Add(new CytokineReading(DateTimeOffset.UnixEpoch.AddTicks(r.UnixMicros * 10), channel.Cytokine, channel.Location, channel.Lesional, quantified.Concentration, quantified.Flag));
            }
        }

        return new SweatReport(from, to, readings.Count + missing.Values.Sum(), flags, used, [.. missing.Select(m => new Uncalibrated(m.Key.Lot, m.Key.Cytokine, m.Value))],
            SweatSeries.Summarise(readings, period), SweatSeries.LesionalContrasts(readings),
            InflammationIndex.Compute(readings, new InflammationIndexOptions { BaselineDays = baselineDays }));
    }

    /// <summary>Evaluates the protocol's sweat alert rule over all the participant's readings; stores new alerts and returns their audit records.</summary>
    public static async Task<List<AuditEvent>> RaiseAlertsAsync(TrialStore store, string studyId, SensingAlertSettings settings, ParticipantRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(store, studyId, row, DateTimeOffset.UnixEpoch, now.AddDays(1), SummaryPeriod.Day, settings.SweatBaselineDays, cancellationToken);
        var changes = new List<AuditEvent>();
        foreach (var alert in SweatAlerts.Evaluate(report.Index.Days, new SweatAlertRules((double)settings.InflammationIndexZ, settings.InflammationDays)))
        {
            var stored = new SensingAlertRow
            {
                ParticipantId = row.Id, NightDate = alert.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Measure = "inflammationIndex",
                Baseline = (double)settings.InflammationIndexZ, RollingMean = alert.Index, Message = alert.Message, RaisedAt = UtcText.Format(now),
            };
            if (await store.AddSensingAlertAsync(stored, cancellationToken))
            {
                changes.Add(new AuditEvent(row.SiteId, row.ScreeningNumber, "alert", $"{row.ScreeningNumber}/inflammationIndex/{stored.NightDate}", null, "raise", null, alert.Message, null));
            }
        }

        return changes;
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
