using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange.Sdtm;

/// <summary>
/// SDTM-shaped tabulation datasets of a study (CDISC SDTM v2.0 / SDTMIG v3.3–v3.4 variable names
/// and NCI/CDISC controlled terminology): DM, DS, SV, EX, AE, QS and RS, one <see cref="SdtmDataset"/>
/// each, written as CSV with a define-style metadata table by <see cref="SdtmWriter"/>.
/// </summary>
/// <remarks>
/// <para>What is simplified, on purpose: no MedDRA coding (AEDECOD is empty), no SAS XPORT v5
/// transport files and no define.xml (CSV and a define-style table only), no EPOCH, no trial design
/// domains (TA, TE, TV, TS) and no SUPPQUAL. EX is the exposure planned by the protocol, not a dosing
/// log (Dermis has none yet).</para>
/// <para>Test codes of the questionnaire and rating items follow the CDISC QRS naming pattern
/// (short name + item number, e.g. <c>DLQI101</c>) where the brief and QRS agree; totals
/// (<c>POEMTOT</c>, <c>DLQITOT</c>, <c>EASITOT</c>, …) are sponsor-defined codes, listed in define.csv.
/// Check them against the current CDISC QRS supplements before a regulatory submission.</para>
/// </remarks>
public static partial class SdtmExport
{
    /// <summary>Builds DM, DS, SV, EX, AE, QS and RS (in that order) for every participant of <paramref name="study"/>.</summary>
    /// <param name="study">The study export; when <see cref="StudyExport.ArmsVisible"/> is false, arms and treatments read <c>BLINDED</c>.</param>
    /// <returns>Seven datasets, each sorted by USUBJID then date then sequence, --SEQ numbered per subject from 1; a domain with no records is still returned, empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> is null.</exception>
    public static IReadOnlyList<SdtmDataset> Build(StudyExport study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var subjects = study.Subjects.Select(s => SdtmSubject.From(study.Protocol, s)).ToList();
        return
        [
            Demographics(study, subjects),
            Disposition(study, subjects),
            SubjectVisits(study, subjects),
            Exposure(study, subjects),
            AdverseEvents(study, subjects),
            Questionnaires(study, subjects),
            Responses(study, subjects),
        ];
    }

    /// <summary>The instrument of a form (easi, viga, poem, …), or null for a custom form or one the protocol does not define.</summary>
    private static string? InstrumentOf(ProtocolDefinition protocol, ExportForm form) => protocol.FindForm(form.FormId)?.Instrument;

    /// <summary>The arm's name, or the id when the protocol does not list it.</summary>
    private static string ArmName(ProtocolDefinition protocol, string armId) =>
        protocol.Arms.FirstOrDefault(a => a.Id == armId)?.Name ?? armId;
}
