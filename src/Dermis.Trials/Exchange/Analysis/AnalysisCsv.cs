using Dermis.Trials.Exchange.Csv;
using Dermis.Trials.Exchange.Sdtm;

namespace Dermis.Trials.Exchange.Analysis;

/// <summary>
/// The analysis-ready table of an atopic dermatitis study: one row per participant and scheduled
/// visit with data, carrying EASI (with change, percent change and EASI-50/75/90), vIGA-AD (with
/// the IGA 0/1 responder), the weekly Peak Pruritus NRS mean (with the ≥ 4-point responder), POEM
/// and DLQI, each against its baseline.
/// </summary>
/// <remarks>
/// <para>Baseline: the value at the anchor visit; else the last value at a visit dated before the
/// anchor date. Change, percent change and responders are filled only at visits after the anchor
/// visit in protocol order.</para>
/// <para>Rules (trials.md §4): percent change = 100 × (value − baseline) / baseline, computed in
/// decimal and rounded half away from zero to 2 decimals only when written; EASI-xx = improvement
/// (baseline − value) ≥ xx % of baseline, decided exactly as 100 × (baseline − value) ≥ xx × baseline
/// (EASI-75 for 24.4 → 6.1 holds, which doubles miss); undefined (empty) for a baseline of 0.
/// IGA 0/1 = grade 0 or 1 and ≥ 2 grades below baseline (Simpson 2020, doi:10.1016/j.jaad.2020.04.104).
/// Itch responder = weekly mean ≥ 4 points below baseline (Yosipovitch 2019, doi:10.1111/bjd.17744),
/// compared on exact fractions; the weekly mean is the visit's ppnrs eCRF current week, else the itch
/// diary's 7 days ending the day before the visit when at least the protocol's minimumDaysPerWeek
/// days were answered. POEM and DLQI come from the visit's eCRF, else the latest diary entry within
/// the diary's interval ending on the visit date.</para>
/// <para>Written: numbers in invariant culture without trailing zeros; itch means and changes
/// rounded half away from zero to 4 decimals (docs/scoring.md); flags as <c>true</c>/<c>false</c>;
/// missing as an empty cell.</para>
/// </remarks>
public static class AnalysisCsv
{
    /// <summary>Column names of the CSV header, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "study", "site", "participant", "arm", "visit", "visit_day", "visit_date", "study_day",
        "easi", "easi_baseline", "easi_change", "easi_pct_change", "easi50", "easi75", "easi90",
        "viga", "viga_baseline", "iga01",
        "itch_weekly_mean", "itch_baseline", "itch_change", "itch_responder",
        "poem", "poem_baseline", "poem_change",
        "dlqi", "dlqi_baseline", "dlqi_change",
    ];

    /// <summary>The rows: participants in export order, their scheduled visits with at least one form in date order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> is null.</exception>
    public static IReadOnlyList<AnalysisRow> Build(StudyExport study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var rows = new List<AnalysisRow>();
        foreach (var subject in study.Subjects)
        {
            rows.AddRange(new AnalysisSubject(study, subject).Rows());
        }

        return rows;
    }

    /// <summary>Builds the rows of <paramref name="study"/> and writes them (see <see cref="WriteAsync(IReadOnlyList{AnalysisRow}, TextWriter, CancellationToken)"/>).</summary>
    public static Task WriteAsync(StudyExport study, TextWriter writer, CancellationToken cancellationToken = default) =>
        WriteAsync(Build(study), writer, cancellationToken);

    /// <summary>Writes the header (<see cref="Columns"/>) and one RFC 4180 record per row (CRLF line ends).</summary>
    public static async Task WriteAsync(IReadOnlyList<AnalysisRow> rows, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        await CsvText.WriteRecordAsync(writer, Columns, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await CsvText.WriteRecordAsync(writer, Fields(row), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The row's cells as written, in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<string> Fields(AnalysisRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Study, row.Site, row.Participant, row.Arm ?? "", row.Visit,
            SdtmValues.Number(row.VisitDay), SdtmValues.Date(row.VisitDate), SdtmValues.Number(row.StudyDay),
            SdtmValues.Number(row.Easi), SdtmValues.Number(row.EasiBaseline), SdtmValues.Number(row.EasiChange),
            Rounded(row.EasiPercentChange, 2), Flag(row.Easi50), Flag(row.Easi75), Flag(row.Easi90),
            SdtmValues.Number(row.Viga), SdtmValues.Number(row.VigaBaseline), Flag(row.Iga01),
            Rounded(row.ItchMean, 4), Rounded(row.ItchBaseline, 4), Rounded(row.ItchChange, 4), Flag(row.ItchResponder),
            SdtmValues.Number(row.Poem), SdtmValues.Number(row.PoemBaseline), SdtmValues.Number(row.PoemChange),
            SdtmValues.Number(row.Dlqi), SdtmValues.Number(row.DlqiBaseline), SdtmValues.Number(row.DlqiChange),
        ];
    }

    private static string Rounded(decimal? value, int decimals) =>
        value is { } v ? SdtmValues.Number(Math.Round(v, decimals, MidpointRounding.AwayFromZero)) : "";

    private static string Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "",
    };
}
