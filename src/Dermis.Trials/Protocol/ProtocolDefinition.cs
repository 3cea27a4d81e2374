namespace Dermis.Trials.Protocol;

/// <summary>
/// A study protocol as code: one version of one study, read from a YAML file (docs/protocol.md).
/// An amendment is a new file with a higher <see cref="Version"/>; data stays attached to the
/// version it was entered under.
/// </summary>
/// <param name="StudyId">Study identifier, e.g. <c>DERM-AD-301</c> (letters, digits, '-', '_').</param>
/// <param name="Name">Full title.</param>
/// <param name="Version">Protocol version, e.g. <c>1.0</c>, <c>2.0</c> (amendment 1).</param>
/// <param name="Sponsor">Sponsor name.</param>
/// <param name="Arms">Treatment arms with allocation ratio.</param>
/// <param name="Stratification">Stratification factors for randomisation.</param>
/// <param name="ConsentDocumentVersion">Version of the informed-consent document participants must sign.</param>
/// <param name="Eligibility">Inclusion and exclusion criteria.</param>
/// <param name="Visits">The schedule, in protocol order; exactly one is the anchor (day 1 by convention).</param>
/// <param name="Forms">Form definitions, referenced by visits.</param>
/// <param name="CodeLists">Code lists of choice items.</param>
/// <param name="EditChecks">Edit checks that open queries when their condition holds.</param>
public sealed record ProtocolDefinition(
    string StudyId,
    string Name,
    string Version,
    string Sponsor,
    IReadOnlyList<ArmDefinition> Arms,
    IReadOnlyList<StratificationFactor> Stratification,
    string ConsentDocumentVersion,
    IReadOnlyList<EligibilityCriterion> Eligibility,
    IReadOnlyList<VisitDefinition> Visits,
    IReadOnlyList<FormDefinition> Forms,
    IReadOnlyList<CodeList> CodeLists,
    IReadOnlyList<EditCheckDefinition> EditChecks)
{
    /// <summary>How the study randomises (the <c>randomisation:</c> section, or its defaults).</summary>
    public RandomisationSettings Randomisation { get; init; } = RandomisationSettings.Default(Arms, Stratification);

    /// <summary>Diaries and questionnaires filled at home (the <c>diaries:</c> section; empty when the study has none).</summary>
    public IReadOnlyList<DiaryDefinition> Diaries { get; init; } = [];

    /// <summary>When nightly scratch and sleep alert the site (the <c>sensing:</c> section, or its defaults).</summary>
    public SensingAlertSettings SensingAlerts { get; init; } = SensingAlertSettings.Default;

    /// <summary>Consent documents for electronic consent (empty when consent is on paper only).</summary>
    public IReadOnlyList<ConsentDocument> ConsentDocuments { get; init; } = [];

    /// <summary>The current consent document (<see cref="ConsentDocumentVersion"/>), or null when the protocol has no electronic text for it.</summary>
    public ConsentDocument? CurrentConsentDocument => ConsentDocuments.FirstOrDefault(d => d.Version == ConsentDocumentVersion);

    /// <summary>The diary with id <paramref name="diaryId"/>, or null.</summary>
    public DiaryDefinition? FindDiary(string diaryId) => Diaries.FirstOrDefault(d => d.Id == diaryId);

    /// <summary>The visit whose date anchors every other visit's target date.</summary>
    public VisitDefinition AnchorVisit => Visits.Single(v => v.IsAnchor);

    /// <summary>The visit with id <paramref name="visitId"/>, or null.</summary>
    public VisitDefinition? FindVisit(string visitId) => Visits.FirstOrDefault(v => v.Id == visitId);

    /// <summary>The form with id <paramref name="formId"/>, or null.</summary>
    public FormDefinition? FindForm(string formId) => Forms.FirstOrDefault(f => f.Id == formId);
}

/// <summary>A treatment arm.</summary>
/// <param name="Id">Arm identifier.</param>
/// <param name="Name">Label.</param>
/// <param name="Ratio">Allocation ratio weight (positive integer), e.g. 2 and 1 for 2:1.</param>
public sealed record ArmDefinition(string Id, string Name, int Ratio);

/// <summary>A stratification factor and its levels.</summary>
/// <param name="Id">Factor identifier.</param>
/// <param name="Levels">Allowed levels.</param>
public sealed record StratificationFactor(string Id, IReadOnlyList<string> Levels);

/// <summary>Whether a criterion must be met (inclusion) or must not be met (exclusion).</summary>
public enum CriterionKind
{
    /// <summary>The participant is eligible only if the answer is yes.</summary>
    Inclusion,

    /// <summary>The participant is eligible only if the answer is no.</summary>
    Exclusion,
}

/// <summary>One eligibility criterion of the checklist.</summary>
/// <param name="Id">Identifier, e.g. <c>IC1</c>.</param>
/// <param name="Kind">Inclusion or exclusion.</param>
/// <param name="Text">The criterion as the protocol words it.</param>
public sealed record EligibilityCriterion(string Id, CriterionKind Kind, string Text);

/// <summary>
/// A visit of the schedule: target day relative to the anchor visit and its window (REDCap's
/// days_offset / offset_min / offset_max). The anchor visit itself has day 1 and defines day 1.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>week16</c>.</param>
/// <param name="Name">Label.</param>
/// <param name="Day">Target study day (anchor = day 1; screening negative). Ignored for unscheduled visits.</param>
/// <param name="WindowBeforeDays">Days allowed before the target (≥ 0).</param>
/// <param name="WindowAfterDays">Days allowed after the target (≥ 0).</param>
/// <param name="IsAnchor">True for the one visit that anchors the schedule (e.g. baseline/day 1).</param>
/// <param name="IsUnscheduled">True for an unscheduled visit type, repeatable and without window.</param>
/// <param name="FormIds">Forms collected at this visit.</param>
public sealed record VisitDefinition(
    string Id,
    string Name,
    int Day,
    int WindowBeforeDays,
    int WindowAfterDays,
    bool IsAnchor,
    bool IsUnscheduled,
    IReadOnlyList<string> FormIds);

/// <summary>
/// An eCRF. Either an instrument form (<see cref="Instrument"/> names a Dermis.Instruments score,
/// its data is the score input document) or a custom form with <see cref="Items"/>.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>easi</c>, <c>demographics</c>.</param>
/// <param name="Name">Label.</param>
/// <param name="Instrument">Instrument id (<c>easi</c>, <c>viga</c>, <c>poem</c>, …), or null for a custom form.</param>
/// <param name="Items">Items of a custom form (empty for instrument forms).</param>
public sealed record FormDefinition(string Id, string Name, string? Instrument, IReadOnlyList<ItemDefinition> Items);

/// <summary>Data types of custom items.</summary>
#pragma warning disable CA1720 // integer/decimal are the data-type names of the protocol file and of CDISC ODM, the domain vocabulary.
public enum ItemType
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>Whole number.</summary>
    Integer,

    /// <summary>Decimal number.</summary>
    Decimal,

    /// <summary>Full date, yyyy-MM-dd.</summary>
    Date,

    /// <summary>Partial date: yyyy, yyyy-MM or yyyy-MM-dd.</summary>
    PartialDate,

    /// <summary>One code of a code list.</summary>
    Choice,

    /// <summary>Yes/no.</summary>
    Boolean,
}
#pragma warning restore CA1720

/// <summary>A numeric range; either bound may be open.</summary>
/// <param name="Min">Lowest allowed value, inclusive, or null.</param>
/// <param name="Max">Highest allowed value, inclusive, or null.</param>
public sealed record ValueRange(decimal? Min, decimal? Max);

/// <summary>One item of a custom form.</summary>
/// <param name="Id">Identifier, unique in the form.</param>
/// <param name="Label">Question text.</param>
/// <param name="Type">Data type.</param>
/// <param name="Required">True when the form cannot be marked complete without it.</param>
/// <param name="Units">Units of a numeric item (e.g. <c>kg</c>), or null.</param>
/// <param name="HardRange">Values outside are rejected on save.</param>
/// <param name="SoftRange">Values outside are saved but open a query.</param>
/// <param name="CodeListId">Code list of a choice item.</param>
public sealed record ItemDefinition(
    string Id,
    string Label,
    ItemType Type,
    bool Required,
    string? Units,
    ValueRange? HardRange,
    ValueRange? SoftRange,
    string? CodeListId);

/// <summary>A code list: allowed codes and their labels.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Codes">Code → label, in display order.</param>
public sealed record CodeList(string Id, IReadOnlyList<KeyValuePair<string, string>> Codes);

/// <summary>
/// An edit check: when <see cref="Condition"/> evaluates to true after a save or import, a query
/// is opened on <see cref="FormId"/> with <see cref="Message"/>.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>EC-EASI-BL</c>.</param>
/// <param name="FormId">Form whose save triggers the check and that receives the query.</param>
/// <param name="VisitId">Visit it is limited to, or null for every visit with that form.</param>
/// <param name="Condition">Expression over items (docs/protocol.md), e.g. <c>easi.total &lt; 16</c> or <c>baseline.easi.total - easi.total &gt; 30</c>.</param>
/// <param name="Message">Query text shown to the site.</param>
/// <param name="ItemPath">The item the query is raised on (e.g. <c>total</c>), or null for the whole form.</param>
public sealed record EditCheckDefinition(string Id, string FormId, string? VisitId, string Condition, string Message, string? ItemPath);
