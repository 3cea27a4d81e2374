using static Dermis.Trials.Exchange.Sdtm.SdtmTable;

namespace Dermis.Trials.Exchange.Sdtm;

public static partial class SdtmExport
{
    /// <summary>The custom form adverse events are recorded on (items term, startDate, endDate, severity, serious, related, outcome).</summary>
    internal const string AdverseEventFormId = "ae";

    private static readonly SdtmVariable[] AeVariables =
    [
        .. Identifiers("AE", withSequence: true),
        Char("AETERM", "Reported Term for the Adverse Event", "CRF", comment: "ae.term, verbatim."),
        Char("AEDECOD", "Dictionary-Derived Term", "Assigned", "MedDRA", "Empty: Dermis does not code adverse events to MedDRA."),
        Char("AESEV", "Severity/Intensity", "CRF", "AESEV (C66769): MILD, MODERATE, SEVERE"),
        Char("AESER", "Serious Event", "CRF", "NY (C66742)", "ae.serious true → Y, false → N."),
        Char("AEREL", "Causality", "CRF", comment: "ae.related as coded by the protocol's code list (sponsor-defined)."),
        Char("AEOUT", "Outcome of Adverse Event", "CRF", "OUT (C66768)"),
        Char("AESTDTC", "Start Date/Time of Adverse Event", "CRF", "ISO 8601"),
        Char("AEENDTC", "End Date/Time of Adverse Event", "CRF", "ISO 8601"),
        Num("AESTDY", "Study Day of Start of Adverse Event", "Derived", comment: "From RFSTDTC, no day 0."),
        Num("AEENDY", "Study Day of End of Adverse Event", "Derived", comment: "From RFSTDTC, no day 0."),
    ];

    /// <summary>AE: one record per <c>ae</c> form at any visit (SDTMIG v3.4 §6.2 AE), sorted by start date.</summary>
    private static SdtmDataset AdverseEvents(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("AE", "Adverse Events", study.Protocol.StudyId, AeVariables);
        foreach (var subject in subjects)
        {
            foreach (var visit in subject.Subject.Visits)
            {
                foreach (var form in visit.Forms)
                {
                    if (form.FormId != AdverseEventFormId)
                    {
                        continue;
                    }

                    var data = SdtmValues.Json(form.Data);
                    var start = SdtmValues.FullDate(data, "startDate");
                    var end = SdtmValues.FullDate(data, "endDate");
                    var startText = SdtmValues.Text(data, "startDate") ?? "";
                    var row = table.Add(subject.Usubjid, startText, subject.Visits[visit.Key].Number);
                    row["AETERM"] = SdtmValues.Text(data, "term") ?? "";
                    row["AESEV"] = SdtmValues.Text(data, "severity") ?? "";
                    row["AESER"] = SdtmValues.Boolean(data, "serious") switch { true => "Y", false => "N", null => "" };
                    row["AEREL"] = SdtmValues.Text(data, "related") ?? "";
                    row["AEOUT"] = SdtmValues.Text(data, "outcome") ?? "";
                    row["AESTDTC"] = startText;
                    row["AEENDTC"] = SdtmValues.Text(data, "endDate") ?? "";
                    row["AESTDY"] = SdtmValues.Number(subject.StudyDay(start));
                    row["AEENDY"] = SdtmValues.Number(subject.StudyDay(end));
                }
            }
        }

        return table.Build();
    }
}
