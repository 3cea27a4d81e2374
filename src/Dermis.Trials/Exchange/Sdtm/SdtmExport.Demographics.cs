using System.Globalization;
using static Dermis.Trials.Exchange.Sdtm.SdtmTable;

namespace Dermis.Trials.Exchange.Sdtm;

public static partial class SdtmExport
{
    /// <summary>ARMCD/ARM of a participant who failed screening (SDTMIG v3.2 §5.2 DM assumption 4; v3.3+ use ARMNRS instead).</summary>
    internal const string ScreenFailureCode = "SCRNFAIL";

    /// <summary>ARMCD/ARM of a participant who was never randomised (SDTMIG v3.2 DM assumption 4).</summary>
    internal const string NotAssignedCode = "NOTASSGN";

    /// <summary>ARMCD/ARM/EXTRT of a randomised participant in a blinded export.</summary>
    internal const string BlindedCode = "BLINDED";

    private static readonly SdtmVariable[] DmVariables =
    [
        .. Identifiers("DM", withSequence: false),
        Char("SUBJID", "Subject Identifier for the Study", "CRF", comment: "The screening number."),
        Char("RFSTDTC", "Subject Reference Start Date/Time", "Derived", "ISO 8601", "Date of the anchor visit (study day 1, first dose by protocol); empty for screen failures."),
        Char("RFENDTC", "Subject Reference End Date/Time", "Derived", "ISO 8601", "Date of the last recorded visit, when RFSTDTC is known."),
        Char("RFICDTC", "Date/Time of Informed Consent", "CRF", "ISO 8601", "First informed consent, else demographics.consentDate."),
        Char("SITEID", "Study Site Identifier", "Assigned"),
        Char("BRTHDTC", "Date/Time of Birth", "CRF", "ISO 8601", "demographics.birthDate as entered; partial dates (yyyy, yyyy-MM) kept partial."),
        Num("AGE", "Age", "Derived", comment: "Completed years from a full BRTHDTC to RFICDTC; else ageYears of the first EASI form; else empty."),
        Char("AGEU", "Age Units", "Assigned", "AGEU (C66781)"),
        Char("SEX", "Sex", "CRF", "SEX (C66731): F, M, U", "demographics.sex F/M; U when not recorded."),
        Char("ETHNIC", "Ethnicity", "CRF", "ETHNIC (C66790)", "demographics.ethnicity HL, NHL, NR mapped to the CDISC terms."),
        Char("ARMCD", "Planned Arm Code", "Assigned", comment: "Protocol arm id; BLINDED in a blinded export; SCRNFAIL for screen failures; NOTASSGN when not randomised."),
        Char("ARM", "Description of Planned Arm", "Protocol", comment: "Protocol arm name; Blinded, Screen Failure or Not Assigned as for ARMCD."),
        Char("ACTARMCD", "Actual Arm Code", "Assigned", comment: "Equal to ARMCD: Dermis records no dosing, so actual = planned."),
        Char("ACTARM", "Description of Actual Arm", "Protocol", comment: "Equal to ARM."),
        Char("COUNTRY", "Country", "Assigned", "COUNTRY (ISO 3166-1 alpha-3)", "The site's country."),
        Char("DMDTC", "Date/Time of Collection", "CRF", "ISO 8601", "Date of the visit of the demographics form."),
    ];

    private static SdtmDataset Demographics(StudyExport study, IReadOnlyList<SdtmSubject> subjects)
    {
        var table = new SdtmTable("DM", "Demographics", study.Protocol.StudyId, DmVariables);
        var countries = study.Sites.ToDictionary(s => s.Id, s => s.Country, StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            var data = subject.Demographics?.Data;
            var birth = SdtmValues.Text(data, "birthDate");
            var (armCode, arm) = PlannedArm(study, subject);
            var row = table.Add(subject.Usubjid, "", 0);
            row["SUBJID"] = subject.Subject.ScreeningNumber;
            row["RFSTDTC"] = SdtmValues.Date(subject.ReferenceStart);
            row["RFENDTC"] = SdtmValues.Date(subject.ReferenceEnd);
            row["RFICDTC"] = SdtmValues.Date(subject.ConsentDate);
            row["SITEID"] = subject.Subject.SiteId;
            row["BRTHDTC"] = birth ?? "";
            var age = Age(study, birth, subject);
            row["AGE"] = SdtmValues.Number(age);
            row["AGEU"] = age is null ? "" : "YEARS";
            row["SEX"] = SdtmValues.Text(data, "sex") switch { "F" => "F", "M" => "M", _ => "U" };
            row["ETHNIC"] = SdtmValues.Text(data, "ethnicity") switch
            {
                "HL" => "HISPANIC OR LATINO",
                "NHL" => "NOT HISPANIC OR LATINO",
                "NR" => "NOT REPORTED",
                _ => "",
            };
            row["ARMCD"] = armCode;
            row["ARM"] = arm;
            row["ACTARMCD"] = armCode;
            row["ACTARM"] = arm;
            row["COUNTRY"] = countries.TryGetValue(subject.Subject.SiteId, out var country) ? IsoCountries.ToAlpha3(country) : "";
            row["DMDTC"] = SdtmValues.Date(subject.Demographics?.Date);
        }

        return table.Build();
    }

    /// <summary>ARMCD and ARM: arm id and name, or the SDTMIG v3.2 special codes.</summary>
    private static (string Code, string Name) PlannedArm(StudyExport study, SdtmSubject subject)
    {
        if (subject.ScreenFailed)
        {
            return (ScreenFailureCode, "Screen Failure");
        }

        if (!subject.Randomised)
        {
            return (NotAssignedCode, "Not Assigned");
        }

        return study.ArmsVisible && subject.Subject.Arm is { } arm ? (arm, ArmName(study.Protocol, arm)) : (BlindedCode, "Blinded");
    }

    /// <summary>
    /// AGE in completed years: from a full birth date to the consent date (age at informed consent,
    /// a sponsor choice SDTMIG v3.4 DM allows); else the <c>ageYears</c> of the participant's first
    /// EASI form (age at that assessment, whole years); else null.
    /// </summary>
    private static decimal? Age(StudyExport study, string? birth, SdtmSubject subject)
    {
        if (birth is not null && subject.ConsentDate is { } consent &&
            DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            var years = consent.Year - born.Year;
            if (consent.Month < born.Month || (consent.Month == born.Month && consent.Day < born.Day))
            {
                years--;
            }

            return years;
        }

        foreach (var visit in subject.Subject.Visits.OrderBy(v => v.Date))
        {
            foreach (var form in visit.Forms)
            {
                if (InstrumentOf(study.Protocol, form) == "easi" && SdtmValues.Decimal(SdtmValues.Json(form.Data), "ageYears") is { } ageYears)
                {
                    return decimal.Floor(ageYears);
                }
            }
        }

        return null;
    }
}
