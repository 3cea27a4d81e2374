using System.Globalization;
using System.Text;
using Dermis.Sensing.Sweat;

namespace Dermis.Server.Demo;

/// <summary>One simulated patch reading: when, which cytokine, the concentration meant, the response the patch reports.</summary>
/// <param name="Time">Reading time.</param>
/// <param name="Cytokine">Index into <see cref="DemoSensingSweat.Panel"/>.</param>
/// <param name="Concentration">Concentration the reading was made from, pg/mL.</param>
/// <param name="Response">Response (null: the channel failed).</param>
/// <param name="SweatRate">Sweat rate, µL/min/cm².</param>
/// <param name="TemperatureC">Patch temperature, °C.</param>
internal sealed record DemoSweatReading(DateTimeOffset Time, int Cytokine, double Concentration, double? Response, double SweatRate, double TemperatureC);

/// <summary>
/// The demo's sweat patches (docs/demo.md, "Sweat cytokines"): one calibration lot and sweat cytokine
/// levels that follow the participant's disease activity. No numeric sweat-cytokine calibration is
/// published (shared/reference/biomarkers.md §2.6), so every cytokine's standards are Cardillo's real
/// ELISA standard curve (§2.6 a) with the concentration axis rescaled to a fifth of that cytokine's typical
/// sweat level (4.5–210 becomes 0.9–42 × the level); the responses are the ELISA's. A rescaled axis only
/// rescales the fitted inflection C, so each curve is the reference fit with C = 108.02 × scale.
/// </summary>
/// <remarks>
/// Levels (pg/mL): typical passive-sweat values of §2.3 — IL-1β 28 (Jagannath 2020), IL-6 2 (Hirten 2024),
/// IL-8 8 (Jagannath 2021: 2–15), TNF-α 1 (between 0.19 healthy and 2.11 inflamed, Hirten 2024), IL-31 300
/// (Upasham 2022: 150–620). No AD-against-healthy sweat table exists (§2.3), so the disease effect is an
/// assumption: log10 C = log10 level + a·g, a = EASI that day / baseline EASI, g = log10 4 on lesional and
/// log10 1.25 on non-lesional skin (a lesional/non-lesional ratio of 3.2 at baseline, 1 at clearance), plus a
/// per-day shift (SD 0.05 log10, shared by the day's readings of one cytokine) and per-reading noise
/// (SD 0.08 log10).
/// </remarks>
internal static class DemoSensingSweat
{
    /// <summary>The calibrated sensor lot.</summary>
    public const string Lot = "DEMO-SWEAT-01";

    /// <summary>Participants who wear patches.</summary>
    public const int Participants = 4;

    /// <summary>Hours between readings of a channel.</summary>
    public const int ReadingEveryHours = 2;

    /// <summary>Cardillo's ELISA standards (MATLAB File Exchange 38122; biomarkers.md §2.6 a): concentration, OD.</summary>
    public static readonly (double Concentration, double Response)[] Standards =
        [(0, 0.0089), (4.5, 0.0419), (10.6, 0.0873), (19.7, 0.2599), (40, 0.7074), (84, 1.528), (210, 2.7739)];

    /// <summary>The reference 4PL fit of those standards (§2.6 a): A, B, C, D.</summary>
    public static readonly (double A, double B, double C, double D) Reference = (0.000901, 1.5150, 108.02, 3.7845);

    /// <summary>The cytokines and their typical passive-sweat level, pg/mL (see remarks).</summary>
    public static readonly (string Cytokine, double Level)[] Panel =
        [(Cytokines.Il1Beta, 28), (Cytokines.Il6, 2), (Cytokines.Il8, 8), (Cytokines.TnfAlpha, 1), (Cytokines.Il31, 300)];

    /// <summary>The skin locations of the two patches of a wear.</summary>
    public static readonly (string Location, bool Lesional)[] Locations = [("left antecubital fossa", true), ("left volar forearm", false)];

    /// <summary>
    /// log10 of the baseline concentration over the typical level, per location: lesional 4, non-lesional 1.25. With the
    /// standards at 0.9–42 × the level, a lesional flare to 2.5 × baseline EASI (4^2.5 = 32 × the level) stays inside the
    /// calibrated range, where a reading above it would leave the index (it is not quantifiable).
    /// </summary>
    public static double Gain(bool lesional) => Math.Log10(lesional ? 4 : 1.25);

    /// <summary>Study days (0 = baseline visit) worn: seven before baseline (the index's baseline days), then four before week 16.</summary>
    public static readonly int[][] Wears = [[-7, -6, -5, -4, -3, -2, -1], [108, 109, 110, 111]];

    /// <summary>Concentration scale of a cytokine's standards: a fifth of its typical level.</summary>
    public static double Scale(int cytokine) => Panel[cytokine].Level / 5;

    /// <summary>The standards CSV of the lot (docs/sweat.md, "Files"): each cytokine's rescaled Cardillo standards.</summary>
    public static string StandardsCsv()
    {
        var csv = new StringBuilder("lot,cytokine,concentration,response,unit\n");
        for (var c = 0; c < Panel.Length; c++)
        {
            foreach (var (concentration, response) in Standards)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Lot},{Panel[c].Cytokine},{concentration * Scale(c):G6},{response:G6},pg/mL\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>The response of the reference curve of <paramref name="cytokine"/> at <paramref name="concentration"/> (4PL, C rescaled).</summary>
    public static double Response(int cytokine, double concentration)
    {
        var (a, b, c, d) = Reference;
        return d + ((a - d) / (1 + Math.Pow(concentration / (c * Scale(cytokine)), b)));
    }

    /// <summary>The concentration meant on one location for disease activity <paramref name="activity"/> (EASI / baseline EASI) before noise.</summary>
    public static double Concentration(int cytokine, bool lesional, double activity) =>
        Panel[cytokine].Level * Math.Pow(10, activity * Gain(lesional));

    /// <summary>
    /// One patch's readings of one UTC day: every <see cref="ReadingEveryHours"/> h from 01:00, each cytokine;
    /// about 1 % of channels fail (no response) and sweat rates are log-uniform 0.04–1.2 µL/min/cm².
    /// </summary>
    /// <param name="day">The UTC day.</param>
    /// <param name="lesional">Whether the patch is on lesional skin.</param>
    /// <param name="activity">EASI that day / baseline EASI.</param>
    /// <param name="participantSeed">The participant's seed (the day's shifts are drawn from it, so both patches share them).</param>
    public static List<DemoSweatReading> Day(DateOnly day, bool lesional, double activity, int participantSeed)
    {
        var readings = new List<DemoSweatReading>();
        var random = new Random(DemoSeed.Of(participantSeed, day.DayNumber, lesional ? 51 : 52));
        var dayShift = new double[Panel.Length];
        for (var c = 0; c < Panel.Length; c++)
        {
            // The day's shift belongs to the cytokine, not the patch: both locations share it.
            dayShift[c] = Normal(new Random(DemoSeed.Of(participantSeed, day.DayNumber, 60 + c))) * 0.05;
        }

        for (var hour = 1; hour < 24; hour += ReadingEveryHours)
        {
            var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
            for (var c = 0; c < Panel.Length; c++)
            {
                var concentration = Concentration(c, lesional, activity) * Math.Pow(10, dayShift[c] + (Normal(random) * 0.08));
                var failed = random.NextDouble() < 0.01;
                var rate = 0.04 * Math.Pow(30, random.NextDouble());
                readings.Add(new DemoSweatReading(time, c, concentration, failed ? null : Response(c, concentration), Math.Round(rate, 3), Math.Round(31 + (random.NextDouble() * 3), 1)));
            }
        }

        return readings;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
