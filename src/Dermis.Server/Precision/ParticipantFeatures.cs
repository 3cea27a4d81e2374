using System.Globalization;
using System.Text.Json;
using Dermis.Sensing;
using Dermis.Storage.Trials;
using Dermis.Trials.Exchange;

namespace Dermis.Server.Precision;

/// <summary>
/// A participant's sensor and single-cell measurements on the study-day axis (anchor = day 1), and
/// the baseline summary of each: nightly scratch (wristband scratch seconds per hour of the sleep
/// window, <c>dermis-sensing 1</c>), sleep efficiency, and the immune-cell fractions of each sample.
/// </summary>
/// <param name="Nights">(study day of the night's evening, scratch seconds per hour, sleep efficiency %) of analysed nights with a sleep window.</param>
/// <param name="Samples">(study day collected, cell type → fraction) of each single-cell sample with a collection date.</param>
public sealed record ParticipantFeatures(
    IReadOnlyList<(int Day, double ScratchSecondsPerHour, double SleepEfficiency)> Nights,
    IReadOnlyList<(int Day, IReadOnlyDictionary<string, double> Fractions)> Samples)
{
    /// <summary>Nights counted for a baseline: the 14 nights before day 1 up to day 7.</summary>
    public const int BaselineFirstDay = -14, BaselineLastDay = 7;

    /// <summary>Mean nightly scratch (s/h) over the baseline nights, or null without any.</summary>
    public double? BaselineScratch => Mean(Nights.Where(n => n.Day is >= BaselineFirstDay and <= BaselineLastDay).Select(n => n.ScratchSecondsPerHour));

    /// <summary>Mean sleep efficiency (%) over the baseline nights, or null.</summary>
    public double? BaselineSleepEfficiency => Mean(Nights.Where(n => n.Day is >= BaselineFirstDay and <= BaselineLastDay).Select(n => n.SleepEfficiency));

    /// <summary>The cell fractions of the first sample collected by day 14 (a baseline sample), or null.</summary>
    public IReadOnlyDictionary<string, double>? BaselineFractions => Samples.Where(s => s.Day <= 14).OrderBy(s => s.Day).Select(s => s.Fractions).FirstOrDefault();

    /// <summary>Mean nightly scratch over the 7 nights before <paramref name="day"/>, or null.</summary>
    public double? ScratchBefore(int day) => Mean(Nights.Where(n => n.Day >= day - 7 && n.Day < day).Select(n => n.ScratchSecondsPerHour));

    /// <summary>Builds the features of <paramref name="subject"/> from its night summaries and composition rows.</summary>
    public static ParticipantFeatures From(ExportSubject subject, IReadOnlyList<NightSummaryRow> nights, IReadOnlyList<CompositionRow> composition)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var anchor = subject.AnchorDate ?? throw new ArgumentException($"{subject.ScreeningNumber} has no anchor date.", nameof(subject));
        var nightly = new List<(int, double, double)>();
        foreach (var night in nights.Where(n => n.AlgorithmVersion == SensingInfo.AlgorithmVersion))
        {
            using var document = JsonDocument.Parse(night.Measures);
            if (!document.RootElement.TryGetProperty("measures", out var m) || !m.TryGetProperty("windowFound", out var found) || !found.GetBoolean() ||
                !TryNumber(m, "scratchSecondsPerHour", out var scratch) || !TryNumber(m, "sleepEfficiency", out var efficiency))
            {
                continue;
            }

            nightly.Add((StudyDay(DateOnly.ParseExact(night.NightDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), anchor), scratch, efficiency));
        }

        var samples = composition
            .Where(c => c.CollectedOn is not null)
            .GroupBy(c => (c.Sample, c.CollectedOn))
            .Select(g => (StudyDay(DateOnly.ParseExact(g.Key.CollectedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture), anchor),
                (IReadOnlyDictionary<string, double>)g.GroupBy(c => c.CellType, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Sum(c => c.Fraction), StringComparer.Ordinal)))
            .OrderBy(s => s.Item1)
            .ToList();
        return new ParticipantFeatures(nightly.OrderBy(n => n.Item1).ToList(), samples);
    }

    private static int StudyDay(DateOnly date, DateOnly anchor)
    {
        var difference = date.DayNumber - anchor.DayNumber;
        return difference >= 0 ? difference + 1 : difference;
    }

    private static bool TryNumber(JsonElement element, string name, out double value)
    {
        value = 0;
        return element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out value) && double.IsFinite(value);
    }

    private static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
