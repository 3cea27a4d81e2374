using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange;

/// <summary>
/// Everything the exports (ODM, SDTM, analysis CSV) write about one study, read from storage once:
/// the protocol, sites, staff and each participant's casebook with the history of its data.
/// Arms are present only when the caller may see them (<see cref="ArmsVisible"/>).
/// </summary>
/// <param name="Protocol">The study's current protocol version (metadata, visits, forms, code lists).</param>
/// <param name="Sites">The site network.</param>
/// <param name="Users">Staff accounts with their roles, as ODM AdminData lists them.</param>
/// <param name="Subjects">Participants in screening-number order.</param>
/// <param name="ArmsVisible">True when arms are filled in; false for a blinded export (every arm null).</param>
/// <param name="CreatedAt">When the export was made.</param>
public sealed record StudyExport(
    ProtocolDefinition Protocol,
    IReadOnlyList<ExportSite> Sites,
    IReadOnlyList<ExportUser> Users,
    IReadOnlyList<ExportSubject> Subjects,
    bool ArmsVisible,
    DateTimeOffset CreatedAt);

/// <summary>A site.</summary>
/// <param name="Id">Site id, e.g. <c>DE01</c>.</param>
/// <param name="Name">Name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Investigator">Principal investigator.</param>
public sealed record ExportSite(string Id, string Name, string Country, string Investigator);

/// <summary>A staff account.</summary>
/// <param name="Username">User name (the ODM user OID).</param>
/// <param name="DisplayName">Full name.</param>
/// <param name="Roles">Roles in the study, e.g. <c>coordinator at DE01</c>.</param>
public sealed record ExportUser(string Username, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>One participant's casebook.</summary>
/// <param name="ScreeningNumber">Screening number, the subject key (e.g. <c>DE01-0001</c>).</param>
/// <param name="SiteId">Site.</param>
/// <param name="Status">Participant status (camelCase: screened, screenFailed, enrolled, randomised, completed, withdrawn).</param>
/// <param name="StatusReason">Reason of the last status change, when one was given.</param>
/// <param name="AnchorDate">Date of the anchor visit (study day 1), once known.</param>
/// <param name="Arm">Arm id when randomised and visible to the caller; otherwise null.</param>
/// <param name="ConsentDate">Date informed consent was signed (the first consent), or null.</param>
/// <param name="Events">Status changes in order: what happened, when (UTC) and why.</param>
/// <param name="Visits">Visits in date order with their forms.</param>
/// <param name="Signatures">Investigator signatures.</param>
/// <param name="Queries">Data queries.</param>
/// <param name="Diary">Entries from the participant app.</param>
public sealed record ExportSubject(
    string ScreeningNumber,
    string SiteId,
    string Status,
    string? StatusReason,
    DateOnly? AnchorDate,
    string? Arm,
    DateOnly? ConsentDate,
    IReadOnlyList<ExportStatusEvent> Events,
    IReadOnlyList<ExportVisit> Visits,
    IReadOnlyList<ExportSignature> Signatures,
    IReadOnlyList<ExportQuery> Queries,
    IReadOnlyList<ExportDiaryEntry> Diary)
{
    /// <summary>True when the participant was randomised: an arm is known, or (in a blinded export) a randomise event is recorded.</summary>
    public bool Randomised => Arm is not null || Events.Any(e => e.Action == "randomise");
}

/// <summary>A status change of a participant (from the audit trail).</summary>
/// <param name="Action">What was done: screen, enrol, randomise, screenFail, complete, withdraw, markLostToFollowUp.</param>
/// <param name="Status">The status it led to.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Reason">Why, when a reason was required.</param>
public sealed record ExportStatusEvent(string Action, string Status, DateTimeOffset At, string? Reason);

/// <summary>A recorded visit.</summary>
/// <param name="Key">Dermis's visit key (unique in the study): the ODM StudyEventRepeatKey of repeated (unscheduled) visits.</param>
/// <param name="VisitId">Protocol visit id.</param>
/// <param name="Date">Visit date.</param>
/// <param name="WindowStatus">inWindow, early, late or notApplicable.</param>
/// <param name="Forms">Forms entered at the visit.</param>
public sealed record ExportVisit(long Key, string VisitId, DateOnly Date, string WindowStatus, IReadOnlyList<ExportForm> Forms);

/// <summary>An eCRF as stored, with the history of its items.</summary>
/// <param name="FormId">Protocol form id.</param>
/// <param name="ProtocolVersion">Protocol version it was entered under.</param>
/// <param name="Status">Form status (inProgress, complete, sourceVerified, signed).</param>
/// <param name="Data">Raw items as JSON (the instrument score document for instrument forms).</param>
/// <param name="Derived">Derived score document as JSON, or null.</param>
/// <param name="InstrumentVersion">Instrument and rules version of the derived score.</param>
/// <param name="RowVersion">Current version.</param>
/// <param name="UpdatedBy">Who saved it last.</param>
/// <param name="UpdatedAt">When (UTC).</param>
/// <param name="History">Every item change, oldest first (create and update records of the audit trail).</param>
public sealed record ExportForm(
    string FormId,
    string ProtocolVersion,
    string Status,
    string Data,
    string? Derived,
    string? InstrumentVersion,
    long RowVersion,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ExportItemChange> History);

/// <summary>One audited change of one item.</summary>
/// <param name="Version">Form version the change produced.</param>
/// <param name="Item">Item path, e.g. <c>regions.head.area</c>, <c>weight</c>.</param>
/// <param name="OldValue">Value before (JSON text), or null.</param>
/// <param name="NewValue">Value after (JSON text), or null.</param>
/// <param name="Reason">Reason for change, when one was required.</param>
/// <param name="Actor">User name.</param>
/// <param name="At">When (UTC).</param>
public sealed record ExportItemChange(long Version, string Item, string? OldValue, string? NewValue, string? Reason, string Actor, DateTimeOffset At);

/// <summary>An investigator's signature.</summary>
/// <param name="Signer">User name.</param>
/// <param name="Meaning">What the signature means, as signed.</param>
/// <param name="At">When (UTC).</param>
/// <param name="VisitKey">The visit signed, or null for the whole casebook.</param>
/// <param name="Valid">False once a later change invalidated it.</param>
public sealed record ExportSignature(string Signer, string Meaning, DateTimeOffset At, long? VisitKey, bool Valid);

/// <summary>A data query.</summary>
/// <param name="Id">Query number.</param>
/// <param name="VisitKey">Visit of the form queried, or null.</param>
/// <param name="FormId">Form queried, or null.</param>
/// <param name="Item">Item queried, or null for the whole form.</param>
/// <param name="Kind">softRange, editCheck or manual.</param>
/// <param name="State">open, answered or closed.</param>
/// <param name="Text">Query text.</param>
/// <param name="OpenedBy">Who opened it (system for automatic checks).</param>
/// <param name="OpenedAt">When (UTC).</param>
public sealed record ExportQuery(long Id, long? VisitKey, string? FormId, string? Item, string Kind, string State, string Text, string OpenedBy, DateTimeOffset OpenedAt);

/// <summary>A diary or questionnaire entry from the participant app.</summary>
/// <param name="DiaryId">Protocol diary id.</param>
/// <param name="Date">Due date it is for.</param>
/// <param name="Data">Answers as JSON.</param>
/// <param name="Derived">Derived score document (POEM, DLQI), or null.</param>
/// <param name="DeviceTime">When it was made, by the phone.</param>
/// <param name="ServerTime">When the server received it.</param>
public sealed record ExportDiaryEntry(string DiaryId, DateOnly Date, string Data, string? Derived, DateTimeOffset DeviceTime, DateTimeOffset ServerTime);
