using static Dermis.Trials.Exchange.Sdtm.SdtmTable;

namespace Dermis.Trials.Exchange.Sdtm;

public static partial class SdtmExport
{
    private static readonly SdtmVariable[] RsVariables =
    [
        .. Identifiers("RS", withSequence: true),
        Char("RSTESTCD", "Assessment Short Name", "Assigned", "EASITOT, VIGAAD, SCORTOT, OSCORTOT, HECSITOT, PASITOT"),
        Char("RSTEST", "Assessment Name", "Assigned"),
        Char("RSCAT", "Category for Assessment", "Assigned", "EASI, VIGA-AD, SCORAD, OSCORAD, HECSI, PASI"),
        Char("RSORRES", "Result or Finding in Original Result", "CRF", comment: "Totals as numbers; vIGA-AD as its grade label (Clear … Severe)."),
        Char("RSSTRESC", "Result or Finding in Std Format", "Derived"),
        Num("RSSTRESN", "Numeric Result/Finding in Std Units", "Derived"),
        Char("RSSTAT", "Completion Status", "Derived", "ND (C66789): NOT DONE", "NOT DONE when a total could not be scored (e.g. a missing sign in an affected region)."),
        Char("RSREASND", "Reason Not Done", "Derived", comment: "The scorer's reason."),
        Char("RSDRVFL", "Derived Flag", "Derived", "NY (C66742)", "Y on totals Dermis computes from the items (EASI, SCORAD, HECSI, PASI); empty on the investigator's vIGA-AD grade."),
        Char("RSBLFL", "Baseline Flag", "Derived", "NY (C66742)", "Y on the last record with a result on or before RFSTDTC, per RSCAT and RSTESTCD."),
        Num("VISITNUM", "Visit Number", "Assigned"),
        Char("VISIT", "Visit Name", "Protocol"),
        Num("VISITDY", "Planned Study Day of Visit", "Protocol"),
        Char("RSDTC", "Date/Time of Assessment", "CRF", "ISO 8601", "Visit date."),
        Num("RSDY", "Study Day of Assessment", "Derived", comment: "From RFSTDTC, no day 0."),
    ];

    /// <summary>Clinician-rated instruments in RS: category, test code, test name, and whether Dermis derives the total.</summary>
    private static readonly (string Instrument, string Category, string Code, string Test, bool Derived)[] RsInstruments =
    [
        ("easi", "EASI", "EASITOT", "EASI Total Score", true),
        ("viga", "VIGA-AD", "VIGAAD", "vIGA-AD Global Assessment", false),
        ("scorad", "SCORAD", "SCORTOT", "SCORAD Total Score", true),
        ("oscorad", "OSCORAD", "OSCORTOT", "Objective SCORAD Total Score", true),
        ("hecsi", "HECSI", "HECSITOT", "HECSI Total Score", true),
        ("pasi", "PASI", "PASITOT", "PASI Total Score", true),
    ];

    /// <summary>vIGA-AD grade labels, 0–4 (Simpson et al., J Am Acad Dermatol 2020;83:839–46, doi:10.1016/j.jaad.2020.04.104).</summary>
    private static readonly string[] VigaLabels = ["Clear", "Almost clear", "Mild", "Moderate", "Severe"];

    /// <summary>
    /// RS: clinician-rated clinical classifications, one total per form (SDTMIG v3.3+ RS, where CC
    /// was folded; CDISC QRS: result text in RSORRES, standard in RSSTRESC/RSSTRESN, RSDRVFL = Y only
    /// for sponsor-derived totals).
    /// </summary>
    private static SdtmDataset Responses(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("RS", "Disease Response and Clin Classification", study.Protocol.StudyId, RsVariables);
        foreach (var subject in subjects)
        {
            foreach (var visit in subject.Subject.Visits)
            {
                var sv = subject.Visits[visit.Key];
                foreach (var form in visit.Forms)
                {
                    var instrument = InstrumentOf(study.Protocol, form);
                    var position = Array.FindIndex(RsInstruments, i => i.Instrument == instrument);
                    if (position < 0)
                    {
                        continue;
                    }

                    var spec = RsInstruments[position];
                    var derived = SdtmValues.Json(form.Derived);
                    var dtc = SdtmValues.Date(visit.Date);
                    var row = table.Add(subject.Usubjid, dtc, (sv.Number * 100) + position);
                    row["RSTESTCD"] = spec.Code;
                    row["RSTEST"] = spec.Test;
                    row["RSCAT"] = spec.Category;
                    if (spec.Instrument == "viga")
                    {
                        var grade = SdtmValues.Decimal(derived, "grade") ?? SdtmValues.Decimal(SdtmValues.Json(form.Data), "grade");
                        Result(row, grade is >= 0 and <= 4 ? VigaLabels[(int)grade.Value] : null, grade);
                    }
                    else
                    {
                        var total = SdtmValues.Decimal(derived, "total");
                        Result(row, null, total);
                        row["RSDRVFL"] = spec.Derived ? "Y" : "";
                        if (total is null)
                        {
                            row["RSREASND"] = SdtmValues.Text(derived, "reason") ?? "not scored";
                        }
                    }

                    row["VISITNUM"] = SdtmValues.Number(sv.Number);
                    row["VISIT"] = sv.Name;
                    row["VISITDY"] = SdtmValues.Number(sv.PlannedDay);
                    row["RSDTC"] = dtc;
                    row["RSDY"] = SdtmValues.Number(subject.StudyDay(visit.Date));
                }
            }
        }

        var starts = subjects.ToDictionary(s => s.Usubjid, s => s.ReferenceStart, StringComparer.Ordinal);
        return table.Build(new BaselineRule("RSBLFL", "RSDTC", "RSSTRESC", "RSCAT", "RSTESTCD", starts));
    }
}
