using System.Text.Json;
using static Dermis.Trials.Exchange.Sdtm.SdtmTable;

namespace Dermis.Trials.Exchange.Sdtm;

public static partial class SdtmExport
{
    private const string NotDone = "NOT DONE";

    private static readonly SdtmVariable[] QsVariables =
    [
        .. Identifiers("QS", withSequence: true),
        Char("QSTESTCD", "Question Short Name", "Assigned", "POEM01–POEM07, POEMTOT, DLQI101–DLQI110, DLQITOT, PPNRS01, PPNRSWK"),
        Char("QSTEST", "Question Name", "Assigned"),
        Char("QSCAT", "Category of Question", "Assigned", "POEM, DLQI, PEAK PRURITUS NRS"),
        Char("QSORRES", "Finding in Original Units", "CRF", comment: "The answer as the participant saw it (e.g. 3-4 days, A little); totals and means as numbers."),
        Char("QSSTRESC", "Character Result/Finding in Std Format", "Derived", comment: "The item score (POEM 0–4, DLQI 0–3, PP-NRS 0–10) or the total."),
        Num("QSSTRESN", "Numeric Result/Finding in Standard Units", "Derived"),
        Char("QSSTAT", "Completion Status", "Derived", "ND (C66789): NOT DONE", "NOT DONE for an unanswered item or a total that could not be scored."),
        Char("QSREASND", "Reason Not Performed", "Derived", comment: "Why a total was not scored (the scorer's reason)."),
        Char("QSDRVFL", "Derived Flag", "Derived", "NY (C66742)", "Y on totals and weekly means computed by Dermis (docs/scoring.md)."),
        Char("QSBLFL", "Baseline Flag", "Derived", "NY (C66742)", "Y on the last record with a result on or before RFSTDTC, per QSCAT and QSTESTCD."),
        Num("VISITNUM", "Visit Number", "Assigned", comment: "eCRF records only; empty for participant-app diary entries."),
        Char("VISIT", "Visit Name", "Protocol"),
        Num("VISITDY", "Planned Study Day of Visit", "Protocol"),
        Char("QSDTC", "Date/Time of Finding", "CRF", "ISO 8601", "Visit date for eCRF records; the diary's due date for app entries."),
        Num("QSDY", "Study Day of Finding", "Derived", comment: "From RFSTDTC, no day 0."),
        Char("QSEVLINT", "Evaluation Interval", "Assigned", "ISO 8601 duration", "Recall period: -P7D (POEM, DLQI, PP-NRS weekly mean), -PT24H (daily PP-NRS)."),
    ];

    private static readonly (string Code, string Test)[] PoemItems =
    [
        ("POEM01", "Days Skin Itchy"),
        ("POEM02", "Nights Sleep Disturbed"),
        ("POEM03", "Days Skin Bleeding"),
        ("POEM04", "Days Skin Weeping or Oozing"),
        ("POEM05", "Days Skin Cracked"),
        ("POEM06", "Days Skin Flaking Off"),
        ("POEM07", "Days Skin Dry or Rough"),
    ];

    private static readonly (string Code, string Test)[] DlqiItems =
    [
        ("DLQI101", "Itchy, Sore, Painful or Stinging Skin"),
        ("DLQI102", "Embarrassed or Self-Conscious"),
        ("DLQI103", "Interfered With Shopping or Home"),
        ("DLQI104", "Influenced Clothes You Wear"),
        ("DLQI105", "Affected Social or Leisure Activities"),
        ("DLQI106", "Made It Difficult to Do Any Sport"),
        ("DLQI107", "Prevented Working or Studying"),
        ("DLQI108", "Problems With Partner or Friends"),
        ("DLQI109", "Caused Sexual Difficulties"),
        ("DLQI110", "Treatment Been a Problem"),
    ];

    /// <summary>POEM answer labels by score (Charman 2004, doi:10.1001/archderm.140.12.1513).</summary>
    private static readonly string[] PoemAnswers = ["No days", "1-2 days", "3-4 days", "5-6 days", "Every day"];

    /// <summary>
    /// QS: POEM and DLQI items and totals, the daily Peak Pruritus NRS and its weekly mean, from eCRF
    /// forms (with VISITNUM) and from participant-app diary entries (QSDTC = the due date, no
    /// VISITNUM) (SDTMIG v3.4 §6.3 QS; CDISC QRS naming).
    /// </summary>
    private static SdtmDataset Questionnaires(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("QS", "Questionnaires", study.Protocol.StudyId, QsVariables);
        foreach (var subject in subjects)
        {
            foreach (var visit in subject.Subject.Visits)
            {
                var sv = subject.Visits[visit.Key];
                foreach (var form in visit.Forms)
                {
                    var instrument = InstrumentOf(study.Protocol, form);
                    if (instrument is "poem" or "dlqi" or "ppnrs")
                    {
                        AddInstrument(table, subject, instrument, visit.Date, sv, SdtmValues.Json(form.Data), SdtmValues.Json(form.Derived), source: 0);
                    }
                }
            }

            foreach (var entry in subject.Subject.Diary)
            {
                if (study.Protocol.FindDiary(entry.DiaryId)?.Instrument is { } instrument and ("poem" or "dlqi" or "ppnrs"))
                {
                    AddInstrument(table, subject, instrument, entry.Date, null, SdtmValues.Json(entry.Data), SdtmValues.Json(entry.Derived), source: 1);
                }
            }
        }

        var starts = subjects.ToDictionary(s => s.Usubjid, s => s.ReferenceStart, StringComparer.Ordinal);
        return table.Build(new BaselineRule("QSBLFL", "QSDTC", "QSSTRESC", "QSCAT", "QSTESTCD", starts));
    }

    private static void AddInstrument(SdtmTable table, SdtmSubject subject, string instrument, DateOnly date, SdtmVisit? visit, JsonElement? data, JsonElement? derived, int source)
    {
        var answers = SdtmValues.Array(data, "answers");
        switch (instrument)
        {
            case "poem":
                for (var i = 0; i < PoemItems.Length; i++)
                {
                    var score = i < answers.Count && answers[i].ValueKind == JsonValueKind.Number && answers[i].TryGetInt32(out var s) && s is >= 0 and <= 4 ? s : (int?)null;
                    Item("POEM", 0, i, PoemItems[i], score is { } p ? PoemAnswers[p] : null, score);
                }

                Total("POEM", 0, PoemItems.Length, ("POEMTOT", "POEM Total Score"), "-P7D");
                break;
            case "dlqi":
                for (var i = 0; i < DlqiItems.Length; i++)
                {
                    var answer = i < answers.Count && answers[i].ValueKind == JsonValueKind.String ? answers[i].GetString() : null;
                    var (text, score) = answer switch
                    {
                        "veryMuch" => ("Very much", 3),
                        "aLot" => ("A lot", 2),
                        "aLittle" => ("A little", 1),
                        "notAtAll" => ("Not at all", 0),
                        "notRelevant" => ("Not relevant", 0),
                        "yes" => ("Yes", 3),
                        _ => ((string?)null, (int?)null),
                    };
                    Item("DLQI", 1, i, DlqiItems[i], text, score);
                }

                Total("DLQI", 1, DlqiItems.Length, ("DLQITOT", "DLQI Total Score"), "-P7D");
                break;
            default:
                if (visit is null)
                {
                    var worst = SdtmValues.Decimal(data, "worstItch");
                    var row = Row("PEAK PRURITUS NRS", 2, 0, ("PPNRS01", "Worst Itch in Past 24 Hours"), "-PT24H");
                    Result(row, worst is null ? null : SdtmValues.Number(worst), worst);
                }
                else
                {
                    var mean = SdtmValues.Decimal(derived, "currentMean");
                    var row = Row("PEAK PRURITUS NRS", 2, 1, ("PPNRSWK", "PP-NRS Weekly Mean of Daily Scores"), "-P7D");
                    row["QSDRVFL"] = "Y";
                    Result(row, mean is null ? null : SdtmValues.Number(mean), mean);
                    if (mean is null)
                    {
                        row["QSREASND"] = "fewer daily scores than the minimum for a weekly mean";
                    }
                }

                break;
        }

        void Item(string category, int categoryOrder, int index, (string Code, string Test) item, string? text, int? score) =>
            Result(Row(category, categoryOrder, index, item, "-P7D"), text, score);

        void Total(string category, int categoryOrder, int index, (string Code, string Test) item, string interval)
        {
            var total = SdtmValues.Decimal(derived, "total");
            var row = Row(category, categoryOrder, index, item, interval);
            row["QSDRVFL"] = "Y";
            Result(row, total is null ? null : SdtmValues.Number(total), total);
            if (total is null)
            {
                row["QSREASND"] = SdtmValues.Text(derived, "reason") ?? "not scored";
            }
        }

        SdtmRecord Row(string category, int categoryOrder, int index, (string Code, string Test) item, string interval)
        {
            var dtc = SdtmValues.Date(date);
            var row = table.Add(subject.Usubjid, dtc, (source * 10_000) + (categoryOrder * 100) + index);
            row["QSTESTCD"] = item.Code;
            row["QSTEST"] = item.Test;
            row["QSCAT"] = category;
            if (visit is not null)
            {
                row["VISITNUM"] = SdtmValues.Number(visit.Number);
                row["VISIT"] = visit.Name;
                row["VISITDY"] = SdtmValues.Number(visit.PlannedDay);
            }

            row["QSDTC"] = dtc;
            row["QSDY"] = SdtmValues.Number(subject.StudyDay(date));
            row["QSEVLINT"] = interval;
            return row;
        }
    }

    /// <summary>Sets ORRES, STRESC and STRESN, or STAT = NOT DONE when there is no result.</summary>
    private static void Result(SdtmRecord row, string? original, decimal? standard)
    {
        var prefix = row["DOMAIN"];
        if (standard is null)
        {
            row[prefix + "STAT"] = NotDone;
            return;
        }

        row[prefix + "ORRES"] = original ?? SdtmValues.Number(standard);
        row[prefix + "STRESC"] = SdtmValues.Number(standard);
        row[prefix + "STRESN"] = SdtmValues.Number(standard);
    }
}
