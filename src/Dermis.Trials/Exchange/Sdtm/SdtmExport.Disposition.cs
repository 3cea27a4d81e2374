using static Dermis.Trials.Exchange.Sdtm.SdtmTable;

namespace Dermis.Trials.Exchange.Sdtm;

public static partial class SdtmExport
{
    private static readonly SdtmVariable[] DsVariables =
    [
        .. Identifiers("DS", withSequence: true),
        Char("DSTERM", "Reported Term for the Disposition Event", "CRF", comment: "The reason given with the status change, else the standard term."),
        Char("DSDECOD", "Standardized Disposition Term", "Assigned", "NCOMPLT (C66727) / PROTMLST (C114118)"),
        Char("DSCAT", "Category for Disposition Event", "Assigned", "DSCAT (C74558)"),
        Char("DSSTDTC", "Start Date/Time of Disposition Event", "CRF", "ISO 8601", "Consent date; else the UTC date of the status change in the audit trail."),
        Num("DSSTDY", "Study Day of Start of Disposition Event", "Derived"),
    ];

    private static readonly SdtmVariable[] SvVariables =
    [
        .. Identifiers("SV", withSequence: false),
        Num("VISITNUM", "Visit Number", "Assigned", comment: "Position of the scheduled visit in the protocol; unscheduled: previous scheduled VISITNUM + 0.01, 0.02, …"),
        Char("VISIT", "Visit Name", "Protocol"),
        Num("VISITDY", "Planned Study Day of Visit", "Protocol", comment: "The protocol's target day; empty for unscheduled visits."),
        Char("SVSTDTC", "Start Date/Time of Visit", "CRF", "ISO 8601"),
        Char("SVENDTC", "End Date/Time of Visit", "CRF", "ISO 8601", "Equal to SVSTDTC: Dermis records a visit on one date."),
        Num("SVSTDY", "Study Day of Start of Visit", "Derived"),
        Char("SVUPDES", "Description of Unplanned Visit", "Derived", comment: "Unscheduled visits: the forms entered."),
    ];

    private static readonly SdtmVariable[] ExVariables =
    [
        .. Identifiers("EX", withSequence: true),
        Char("EXTRT", "Name of Treatment", "Protocol", comment: "The randomised arm's name; BLINDED in a blinded export."),
        Char("EXSTDTC", "Start Date/Time of Treatment", "Derived", "ISO 8601", "RFSTDTC (anchor visit, first dose by protocol)."),
        Char("EXENDTC", "End Date/Time of Treatment", "Derived", "ISO 8601", "Date of the last recorded visit (RFENDTC)."),
        Num("EXSTDY", "Study Day of Start of Treatment", "Derived"),
        Num("EXENDY", "Study Day of End of Treatment", "Derived"),
    ];

    /// <summary>
    /// DS: informed consent and randomisation as protocol milestones; completion, withdrawal,
    /// screen failure and loss to follow-up as disposition events (SDTMIG v3.4 §6.2 DS;
    /// NCI CT DSCAT, NCOMPLT and PROTMLST). Withdrawal is decoded WITHDRAWAL BY SUBJECT: Dermis does
    /// not record who decided, so the reason stays in DSTERM for the data manager to recode.
    /// </summary>
    private static SdtmDataset Disposition(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("DS", "Disposition", study.Protocol.StudyId, DsVariables);
        foreach (var subject in subjects)
        {
            if (subject.ConsentDate is { } consent)
            {
                Add(subject, SdtmValues.Date(consent), consent, "INFORMED CONSENT OBTAINED", "INFORMED CONSENT OBTAINED", "PROTOCOL MILESTONE", 0);
            }

            var order = 1;
            foreach (var e in subject.Subject.Events)
            {
                var (term, decode, category) = e.Action switch
                {
                    "randomise" => ("RANDOMIZED", "RANDOMIZED", "PROTOCOL MILESTONE"),
                    "complete" => (e.Reason ?? "COMPLETED", "COMPLETED", "DISPOSITION EVENT"),
                    "withdraw" => (e.Reason ?? "WITHDRAWAL BY SUBJECT", "WITHDRAWAL BY SUBJECT", "DISPOSITION EVENT"),
                    "screenFail" => (e.Reason ?? "SCREEN FAILURE", "SCREEN FAILURE", "DISPOSITION EVENT"),
                    "markLostToFollowUp" => (e.Reason ?? "LOST TO FOLLOW-UP", "LOST TO FOLLOW-UP", "DISPOSITION EVENT"),
                    _ => (null, null, null),
                };
                if (term is not null)
                {
                    var date = DateOnly.FromDateTime(e.At.UtcDateTime);
                    Add(subject, SdtmValues.Date(date), date, term, decode!, category!, order++);
                }
            }
        }

        return table.Build();

        void Add(SdtmSubject subject, string dtc, DateOnly date, string term, string decode, string category, int order)
        {
            var row = table.Add(subject.Usubjid, dtc, order);
            row["DSTERM"] = term;
            row["DSDECOD"] = decode;
            row["DSCAT"] = category;
            row["DSSTDTC"] = dtc;
            row["DSSTDY"] = SdtmValues.Number(subject.StudyDay(date));
        }
    }

    /// <summary>SV: one record per recorded visit (SDTMIG v3.4 §5.6 SV).</summary>
    private static SdtmDataset SubjectVisits(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("SV", "Subject Visits", study.Protocol.StudyId, SvVariables);
        foreach (var subject in subjects)
        {
            foreach (var visit in subject.Subject.Visits)
            {
                var sv = subject.Visits[visit.Key];
                var date = SdtmValues.Date(visit.Date);
                var row = table.Add(subject.Usubjid, date, sv.Number);
                row["VISITNUM"] = SdtmValues.Number(sv.Number);
                row["VISIT"] = sv.Name;
                row["VISITDY"] = SdtmValues.Number(sv.PlannedDay);
                row["SVSTDTC"] = date;
                row["SVENDTC"] = date;
                row["SVSTDY"] = SdtmValues.Number(subject.StudyDay(visit.Date));
                row["SVUPDES"] = sv.Unscheduled
                    ? visit.Forms.Count == 0 ? "Unscheduled visit" : "Unscheduled visit: " + string.Join(", ", visit.Forms.Select(f => study.Protocol.FindForm(f.FormId)?.Name ?? f.FormId))
                    : "";
            }
        }

        return table.Build();
    }

    /// <summary>
    /// EX: the exposure planned by the protocol, one record per randomised participant with a
    /// reference start, from RFSTDTC to RFENDTC (SDTMIG v3.4 §6.1 EX). Dermis has no dosing log
    /// yet: doses, routes and missed doses are not represented.
    /// </summary>
    private static SdtmDataset Exposure(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("EX", "Exposure", study.Protocol.StudyId, ExVariables);
        foreach (var subject in subjects)
        {
            if (!subject.Randomised || subject.ScreenFailed || subject.ReferenceStart is not { } start)
            {
                continue;
            }

            var end = subject.ReferenceEnd ?? start;
            var row = table.Add(subject.Usubjid, SdtmValues.Date(start), 0);
            row["EXTRT"] = study.ArmsVisible && subject.Subject.Arm is { } arm ? ArmName(study.Protocol, arm) : BlindedCode;
            row["EXSTDTC"] = SdtmValues.Date(start);
            row["EXENDTC"] = SdtmValues.Date(end);
            row["EXSTDY"] = SdtmValues.Number(subject.StudyDay(start));
            row["EXENDY"] = SdtmValues.Number(subject.StudyDay(end));
        }

        return table.Build();
    }
}
