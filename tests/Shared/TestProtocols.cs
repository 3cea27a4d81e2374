namespace Dermis.Testing;

/// <summary>A small but complete protocol for trial tests: two arms, consent, criteria, windows, instrument and custom forms, edit checks.</summary>
public static class TestProtocols
{
    public const string StudyId = "DERM-T-201";

    public const string AtopicDermatitis = """
        study:
          id: DERM-T-201
          name: A test study of an IL-13 antibody in moderate-to-severe atopic dermatitis
          version: "1.0"
          sponsor: Dermis Test Sponsor
        arms:
          - { id: active, name: Antibody 250 mg Q2W, ratio: 1 }
          - { id: placebo, name: Placebo, ratio: 1 }
        stratification:
          - { id: region, levels: [EU, NA] }
        consent:
          documentVersion: "2.0"
        eligibility:
          - { id: IC1, kind: inclusion, text: Age 18 years or older at screening }
          - { id: IC2, kind: inclusion, text: "EASI >= 16 and vIGA-AD >= 3 at baseline" }
          - { id: EC1, kind: exclusion, text: Systemic immunosuppressant within 4 weeks before baseline }
        visits:
          - { id: screening, name: Screening, day: -28, windowBefore: 0, windowAfter: 27, forms: [vitals] }
          - { id: baseline, name: Baseline (Day 1), day: 1, anchor: true, windowBefore: 0, windowAfter: 0, forms: [easi, viga, vitals] }
          - { id: week4, name: Week 4, day: 29, windowBefore: 3, windowAfter: 3, forms: [easi, viga] }
          - { id: week16, name: Week 16, day: 113, windowBefore: 7, windowAfter: 7, forms: [easi, viga] }
          - { id: unscheduled, name: Unscheduled, unscheduled: true, forms: [easi] }
        forms:
          - { id: easi, name: EASI, instrument: easi }
          - { id: viga, name: vIGA-AD, instrument: viga }
          - id: vitals
            name: Vital signs
            items:
              - { id: weight, label: Weight, type: decimal, units: kg, required: true, range: { min: 20, max: 300 }, softRange: { min: 40, max: 180 } }
              - { id: systolic, label: Systolic blood pressure, type: integer, units: mmHg, range: { min: 50, max: 260 } }
        codeLists: []
        editChecks:
          - { id: EC-EASI-BL, form: easi, visit: baseline, when: "easi.total < 16", message: "Baseline EASI is below the inclusion threshold of 16; confirm the assessment or the eligibility.", item: total }
          - { id: EC-EASI-WORSE, form: easi, when: "easi.total > baseline.easi.total * 1.5", message: "EASI is more than 50 % above baseline; confirm and consider rescue treatment.", item: total }
        """;

    /// <summary>The same protocol as amendment 1: version 2.0 with a new consent document.</summary>
    public static string AtopicDermatitisAmendment1 =>
        AtopicDermatitis.Replace("version: \"1.0\"", "version: \"2.0\"", StringComparison.Ordinal)
                        .Replace("documentVersion: \"2.0\"", "documentVersion: \"3.0\"", StringComparison.Ordinal);
}
