using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Domain;

/// <summary>Protocol definitions built in code, so domain tests do not depend on the YAML reader.</summary>
internal static class DomainProtocol
{
    public const string StudyId = "DERM-AD-301";

    public static ProtocolDefinition Create(
        IReadOnlyList<EligibilityCriterion>? eligibility = null,
        IReadOnlyList<FormDefinition>? forms = null,
        IReadOnlyList<CodeList>? codeLists = null) =>
        new(
            StudyId,
            "Atopic dermatitis phase 3",
            "1.0",
            "Dermis Pharma",
            [new ArmDefinition("active", "Active", 2), new ArmDefinition("placebo", "Placebo", 1)],
            [],
            "ICF 2.0",
            eligibility ?? [],
            [
                new VisitDefinition("screening", "Screening", -28, 0, 27, IsAnchor: false, IsUnscheduled: false, []),
                new VisitDefinition("baseline", "Baseline (Day 1)", 1, 0, 0, IsAnchor: true, IsUnscheduled: false, []),
            ],
            forms ?? [],
            codeLists ?? [],
            []);
}
