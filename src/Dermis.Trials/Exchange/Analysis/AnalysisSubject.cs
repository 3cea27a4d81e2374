using System.Text.Json;
using Dermis.Trials.Exchange.Sdtm;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange.Analysis;

/// <summary>One participant's endpoints by visit, and their baselines (the rules are on <see cref="AnalysisCsv"/>).</summary>
internal sealed class AnalysisSubject
{
    private const decimal ItchResponderPoints = 4m;

    private readonly StudyExport study;
    private readonly ExportSubject subject;
    private readonly VisitDefinition anchor;
    private readonly ExportVisit? anchorVisit;
    private readonly DateOnly? anchorDate;

    public AnalysisSubject(StudyExport study, ExportSubject subject)
    {
        this.study = study;
        this.subject = subject;
        anchor = study.Protocol.AnchorVisit;
        anchorVisit = subject.Visits.FirstOrDefault(v => v.VisitId == anchor.Id);
        anchorDate = subject.AnchorDate ?? anchorVisit?.Date;
    }

    public IEnumerable<AnalysisRow> Rows()
    {
        var easiBaseline = Baseline((_, v) => Form(v, "easi", "total"));
        var vigaBaseline = Baseline((_, v) => Integer(Form(v, "viga", "grade")));
        var itchBaseline = Baseline(Itch);
        var poemBaseline = Baseline((d, v) => Questionnaire(d, v, "poem"));
        var dlqiBaseline = Baseline((d, v) => Questionnaire(d, v, "dlqi"));
        var arm = !subject.Randomised ? null : study.ArmsVisible ? subject.Arm : "blinded";

        var visits = subject.Visits
            .Select(v => (Visit: v, Definition: study.Protocol.FindVisit(v.VisitId)))
            .Where(p => p.Definition is { IsUnscheduled: false } && p.Visit.Forms.Count > 0)
            .OrderBy(p => p.Visit.Date)
            .ThenBy(p => p.Definition!.Day);
        foreach (var (visit, definition) in visits)
        {
            var after = anchorDate is not null && definition!.Day > anchor.Day;
            var easi = Form(visit, "easi", "total");
            var viga = Integer(Form(visit, "viga", "grade"));
            var itch = Itch(visit.Date, visit);
            var poem = Questionnaire(visit.Date, visit, "poem");
            var dlqi = Questionnaire(visit.Date, visit, "dlqi");

            // Change and responders only after the anchor visit, with a value and a baseline.
            var easiBase = after && easi is not null ? easiBaseline : null;
            var easiRated = easiBase > 0;
            var vigaBase = after && viga is not null ? vigaBaseline : null;
            var itchBase = after && itch is not null ? itchBaseline : null;

            yield return new AnalysisRow(
                study.Protocol.StudyId,
                subject.SiteId,
                subject.ScreeningNumber,
                arm,
                visit.VisitId,
                definition!.Day,
                visit.Date,
                SdtmValues.StudyDay(visit.Date, anchorDate),
                easi is null ? null : SdtmValues.Normalise(easi.Value),
                easiBaseline is null ? null : SdtmValues.Normalise(easiBaseline.Value),
                easiBase is { } eb ? SdtmValues.Normalise(easi!.Value - eb) : null,
                easiRated ? (easi!.Value - easiBase!.Value) * 100m / easiBase.Value : null,
                easiRated ? Improved(easi!.Value, easiBase!.Value, 50) : null,
                easiRated ? Improved(easi!.Value, easiBase!.Value, 75) : null,
                easiRated ? Improved(easi!.Value, easiBase!.Value, 90) : null,
                viga,
                vigaBaseline,
                vigaBase is { } gb ? viga <= 1 && gb - viga >= 2 : null,
                itch?.Value,
                itchBaseline?.Value,
                itchBase is { } ib ? itch!.Value.Minus(ib) : null,
                itchBase is { } ir ? itch!.Value.ImprovedBy(ir, ItchResponderPoints) : null,
                poem,
                poemBaseline,
                after && poem is { } p && poemBaseline is { } pb ? p - pb : null,
                dlqi,
                dlqiBaseline,
                after && dlqi is { } d && dlqiBaseline is { } db ? d - db : null);
        }
    }

    /// <summary>EASI-xx: 100 × (baseline − value) ≥ xx × baseline, exact in decimal (no division).</summary>
    private static bool Improved(decimal value, decimal baseline, int percent) =>
        (baseline - value) * 100m >= percent * baseline;

    /// <summary>The value at the anchor visit (or, for date-based values, on the anchor date); else the last value at a visit dated before the anchor date.</summary>
    private T? Baseline<T>(Func<DateOnly, ExportVisit?, T?> at)
        where T : struct
    {
        if (anchorDate is not { } date)
        {
            return null;
        }

        if (at(date, anchorVisit) is { } value)
        {
            return value;
        }

        T? last = null;
        foreach (var visit in subject.Visits.Where(v => v.Date < date).OrderBy(v => v.Date))
        {
            last = at(visit.Date, visit) ?? last;
        }

        return last;
    }

    /// <summary>A number of the derived score of the visit's form with <paramref name="instrument"/>.</summary>
    private decimal? Form(ExportVisit? visit, string instrument, string member)
    {
        var form = FormOf(visit, instrument);
        return form is null ? null : SdtmValues.Decimal(SdtmValues.Json(form.Derived), member) ?? SdtmValues.Decimal(SdtmValues.Json(form.Data), member);
    }

    private ExportForm? FormOf(ExportVisit? visit, string instrument) =>
        visit?.Forms.LastOrDefault(f => study.Protocol.FindForm(f.FormId)?.Instrument == instrument);

    private static int? Integer(decimal? value) => value is { } v ? (int)v : null;

    /// <summary>POEM or DLQI total: the visit's eCRF, else the latest diary entry due in the diary's interval ending on <paramref name="date"/>.</summary>
    private int? Questionnaire(DateOnly date, ExportVisit? visit, string instrument)
    {
        if (Integer(Form(visit, instrument, "total")) is { } total)
        {
            return total;
        }

        foreach (var diary in study.Protocol.Diaries.Where(d => d.Instrument == instrument))
        {
            var from = date.AddDays(-(Math.Max(1, diary.EveryDays) - 1));
            var entry = subject.Diary
                .Where(e => e.DiaryId == diary.Id && e.Date >= from && e.Date <= date && e.Derived is not null)
                .OrderBy(e => e.Date)
                .ThenBy(e => e.ServerTime)
                .LastOrDefault();
            if (entry is not null && Integer(SdtmValues.Decimal(SdtmValues.Json(entry.Derived), "total")) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The weekly itch mean at a visit: the ppnrs eCRF's current week (its days, exactly, when the
    /// score reports a mean); else the itch diary's 7 days before <paramref name="date"/> with at
    /// least minimumDaysPerWeek entries (the last entry of a day counts).
    /// </summary>
    private WeeklyMean? Itch(DateOnly date, ExportVisit? visit)
    {
        if (FormOf(visit, "ppnrs") is { } form)
        {
            var derived = SdtmValues.Json(form.Derived);
            if (SdtmValues.Decimal(derived, "currentMean") is { } shown)
            {
                var days = SdtmValues.Array(SdtmValues.Json(form.Data), "current")
                    .Where(d => d.ValueKind == JsonValueKind.Number)
                    .Select(d => d.GetDecimal())
                    .ToList();
                return days.Count > 0 ? new WeeklyMean(days.Sum(), days.Count) : new WeeklyMean(shown, 1);
            }
        }

        foreach (var diary in study.Protocol.Diaries.Where(d => d.Instrument == "ppnrs"))
        {
            var scores = subject.Diary
                .Where(e => e.DiaryId == diary.Id && e.Date >= date.AddDays(-7) && e.Date < date)
                .OrderBy(e => e.ServerTime)
                .Select(e => (e.Date, Score: SdtmValues.Decimal(SdtmValues.Json(e.Data), "worstItch")))
                .Where(e => e.Score is not null)
                .GroupBy(e => e.Date)
                .Select(g => g.Last().Score!.Value)
                .ToList();
            if (scores.Count > 0 && scores.Count >= diary.MinimumDaysPerWeek)
            {
                return new WeeklyMean(scores.Sum(), scores.Count);
            }
        }

        return null;
    }
}
