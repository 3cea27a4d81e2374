namespace Dermis.Storage.Trials;

// Rows as stored. Settable properties (not positional records) because Dapper converts column types
// into properties, and the two engines return different integer widths for the same column.
#pragma warning disable CA1819 // no arrays here; rows are plain data carriers

/// <summary>A staff or administrator account.</summary>
public sealed class AccountRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Login name, unique.</summary>
    public string Username { get; set; } = "";

    /// <summary>Printed name (signature manifestation, 21 CFR 11.50).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>ASP.NET Core Identity password hash (PBKDF2).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>1 for an installation administrator (may create studies).</summary>
    public long IsAdmin { get; set; }
}

/// <summary>A study and its current protocol version.</summary>
public sealed class StudyRow
{
    /// <summary>Study id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Title.</summary>
    public string Name { get; set; } = "";

    /// <summary>Sponsor.</summary>
    public string Sponsor { get; set; } = "";

    /// <summary>Protocol version new data is entered under.</summary>
    public string ProtocolVersion { get; set; } = "";
}

/// <summary>A site of the study's network.</summary>
public sealed class SiteRow
{
    /// <summary>Study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Site code, e.g. <c>DE01</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Institution name.</summary>
    public string Name { get; set; } = "";

    /// <summary>ISO 3166 country code.</summary>
    public string Country { get; set; } = "";

    /// <summary>Principal investigator.</summary>
    public string Investigator { get; set; } = "";

    /// <summary>Planned enrolment capacity.</summary>
    public long Capacity { get; set; }

    /// <summary>Activation date (yyyy-MM-dd), null until activated.</summary>
    public string? ActivationDate { get; set; }
}

/// <summary>A participant.</summary>
public sealed class ParticipantRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Site.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Screening number, e.g. <c>DE01-0003</c>.</summary>
    public string ScreeningNumber { get; set; } = "";

    /// <summary>Status name (camelCase of ParticipantStatus).</summary>
    public string Status { get; set; } = "";

    /// <summary>Reason of the last status change, when one was required.</summary>
    public string? StatusReason { get; set; }

    /// <summary>Protocol version the participant was screened under.</summary>
    public string ProtocolVersion { get; set; } = "";

    /// <summary>Eligibility answers as JSON (criterion id → met).</summary>
    public string Eligibility { get; set; } = "{}";

    /// <summary>Date of the anchor visit (yyyy-MM-dd), once known.</summary>
    public string? AnchorDate { get; set; }

    /// <summary>Arm, once randomised.</summary>
    public string? Arm { get; set; }

    /// <summary>Optimistic-concurrency version.</summary>
    public long RowVersion { get; set; }

    /// <summary>IANA time zone the participant's diary windows are in (set with the app invitation), or null.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Local date (yyyy-MM-dd) the participant activated the app, or null.</summary>
    public string? ActivatedOn { get; set; }
}

/// <summary>A consent record.</summary>
public sealed class ConsentRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Consent document version signed.</summary>
    public string DocumentVersion { get; set; } = "";

    /// <summary>Date signed (yyyy-MM-dd).</summary>
    public string SignedOn { get; set; } = "";

    /// <summary><c>onSite</c> or <c>remote</c> (e-consent).</summary>
    public string Method { get; set; } = "";

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";
}

/// <summary>A visit that took place.</summary>
public sealed class VisitRow
{
    /// <summary>Surrogate key (the visit key in routes).</summary>
    public long Id { get; set; }

    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Protocol visit id.</summary>
    public string VisitId { get; set; } = "";

    /// <summary>Visit date (yyyy-MM-dd).</summary>
    public string VisitDate { get; set; } = "";

    /// <summary>Window status name.</summary>
    public string WindowStatus { get; set; } = "";

    /// <summary>Days outside the window (negative early, positive late).</summary>
    public long DaysOutside { get; set; }

    /// <summary>Protocol version the visit was recorded under.</summary>
    public string ProtocolVersion { get; set; } = "";
}

/// <summary>A protocol deviation.</summary>
public sealed class DeviationRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Visit key, when the deviation concerns a visit.</summary>
    public long? VisitRowId { get; set; }

    /// <summary>Kind, e.g. <c>visitOutOfWindow</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Description.</summary>
    public string Description { get; set; } = "";

    /// <summary>When detected (UTC text).</summary>
    public string DetectedAt { get; set; } = "";
}

/// <summary>One eCRF of one visit.</summary>
public sealed class FormRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Visit key.</summary>
    public long VisitRowId { get; set; }

    /// <summary>Protocol form id.</summary>
    public string FormId { get; set; } = "";

    /// <summary>Protocol version the data was entered under.</summary>
    public string ProtocolVersion { get; set; } = "";

    /// <summary>Form status name.</summary>
    public string Status { get; set; } = "";

    /// <summary>Raw items as JSON.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>Derived instrument score as JSON, for instrument forms.</summary>
    public string? Derived { get; set; }

    /// <summary>Instrument version that derived it.</summary>
    public string? InstrumentVersion { get; set; }

    /// <summary>Optimistic-concurrency version, from 1.</summary>
    public long RowVersion { get; set; }

    /// <summary>Last change (UTC text).</summary>
    public string UpdatedAt { get; set; } = "";

    /// <summary>Last changed by.</summary>
    public string UpdatedBy { get; set; } = "";
}

/// <summary>A data query.</summary>
public sealed class QueryRow
{
    /// <summary>Key.</summary>
    public long Id { get; set; }

    /// <summary>Study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Site.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Screening number (joined).</summary>
    public string ScreeningNumber { get; set; } = "";

    /// <summary>Form key, when on a form.</summary>
    public long? FormDataId { get; set; }

    /// <summary>Item path, when on an item.</summary>
    public string? Item { get; set; }

    /// <summary>Kind name.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Edit check id, for edit-check queries.</summary>
    public string? CheckId { get; set; }

    /// <summary>State name.</summary>
    public string State { get; set; } = "";

    /// <summary>Query text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Raised by (account or <c>system</c>).</summary>
    public string OpenedBy { get; set; } = "";

    /// <summary>Raised at (UTC text).</summary>
    public string OpenedAt { get; set; } = "";
}

/// <summary>One message of a query thread.</summary>
public sealed class QueryMessageRow
{
    /// <summary>Action: open, answer, close, reopen.</summary>
    public string Action { get; set; } = "";

    /// <summary>Text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Author.</summary>
    public string Author { get; set; } = "";

    /// <summary>Author's role.</summary>
    public string? Role { get; set; }

    /// <summary>When (UTC text).</summary>
    public string At { get; set; } = "";
}

/// <summary>An electronic signature.</summary>
public sealed class SignatureRow
{
    /// <summary>Key.</summary>
    public long Id { get; set; }

    /// <summary>Participant key.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Visit key, or null for the whole casebook.</summary>
    public long? VisitRowId { get; set; }

    /// <summary>Signer account.</summary>
    public string Signer { get; set; } = "";

    /// <summary>Signer's printed name.</summary>
    public string SignerName { get; set; } = "";

    /// <summary>Meaning, e.g. "I confirm that the data of this visit are accurate and complete."</summary>
    public string Meaning { get; set; } = "";

    /// <summary>When (UTC text).</summary>
    public string SignedAt { get; set; } = "";

    /// <summary>When a later change invalidated it, or null while valid.</summary>
    public string? InvalidatedAt { get; set; }

    /// <summary>Why it was invalidated.</summary>
    public string? InvalidatedReason { get; set; }
}

/// <summary>A freeze or lock.</summary>
public sealed class LockRow
{
    /// <summary>Level name.</summary>
    public string Level { get; set; } = "";

    /// <summary>Target key.</summary>
    public string Target { get; set; } = "";

    /// <summary>State name.</summary>
    public string State { get; set; } = "";

    /// <summary>Set by.</summary>
    public string SetBy { get; set; } = "";

    /// <summary>Set at (UTC text).</summary>
    public string SetAt { get; set; } = "";
}
#pragma warning restore CA1819
