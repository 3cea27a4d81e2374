namespace Dermis.Storage.Trials;

/// <summary>An invitation to the participant app; only the SHA-256 of its token is stored.</summary>
public sealed class InvitationRow
{
    /// <summary>SHA-256 (hex) of the token in the link.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The invited participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Study of the participant.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Screening number of the participant.</summary>
    public string ScreeningNumber { get; set; } = "";

    /// <summary>Site of the participant.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Staff member who sent it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it was sent (UTC text).</summary>
    public string CreatedAt { get; set; } = "";

    /// <summary>When it stops working (UTC text).</summary>
    public string ExpiresAt { get; set; } = "";

    /// <summary>When it was used to activate the app, or null.</summary>
    public string? UsedAt { get; set; }
}

/// <summary>One diary or questionnaire entry made in the participant app.</summary>
public sealed class DiaryEntryRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Diary id of the protocol.</summary>
    public string DiaryId { get; set; } = "";

    /// <summary>Due date the entry is for (yyyy-MM-dd, participant's local calendar).</summary>
    public string DiaryDate { get; set; } = "";

    /// <summary>Id the device gave the entry: a retried submission with the same id is the same entry.</summary>
    public string ClientEntryId { get; set; } = "";

    /// <summary>Raw answers as JSON.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>Derived score document as JSON (POEM, DLQI), or null.</summary>
    public string? Derived { get; set; }

    /// <summary>Instrument version that derived the score.</summary>
    public string? InstrumentVersion { get; set; }

    /// <summary>Protocol version the entry was made under.</summary>
    public string ProtocolVersion { get; set; } = "";

    /// <summary>Device time as the device sent it, with its UTC offset (ISO 8601).</summary>
    public string DeviceTime { get; set; } = "";

    /// <summary>Device time in UTC (UTC text).</summary>
    public string DeviceTimeUtc { get; set; } = "";

    /// <summary>When the server received it (UTC text).</summary>
    public string ServerTime { get; set; } = "";

    /// <summary>1 when it was made offline and sent later, else 0.</summary>
    public long Queued { get; set; }
}

/// <summary>An electronic consent: the immutable snapshot of what was signed, its hash, and the countersignature.</summary>
public sealed class EConsentRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Participant.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Consent document version signed.</summary>
    public string DocumentVersion { get; set; } = "";

    /// <summary>Canonical JSON of the document text, the answers and the signature, exactly as hashed.</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>SHA-256 (hex) of <see cref="Snapshot"/> in UTF-8.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Name typed by the participant.</summary>
    public string SignedName { get; set; } = "";

    /// <summary>When the participant signed (UTC text).</summary>
    public string SignedAt { get; set; } = "";

    /// <summary>Investigator account that countersigned, or null.</summary>
    public string? CountersignedBy { get; set; }

    /// <summary>Investigator's printed name, or null.</summary>
    public string? CountersignedName { get; set; }

    /// <summary>When the investigator countersigned (UTC text), or null.</summary>
    public string? CountersignedAt { get; set; }
}

/// <summary>A device paired to a participant.</summary>
public sealed class DeviceRow
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Study.</summary>
    public string StudyId { get; set; } = "";

    /// <summary>Participant wearing it.</summary>
    public long ParticipantId { get; set; }

    /// <summary>Screening number of the participant.</summary>
    public string ScreeningNumber { get; set; } = "";

    /// <summary>Site of the participant.</summary>
    public string SiteId { get; set; } = "";

    /// <summary>Serial number printed on the device.</summary>
    public string Serial { get; set; } = "";

    /// <summary>Kind: wristband, radio or sweatPatch.</summary>
    public string Kind { get; set; } = "";

    /// <summary>SHA-256 (hex) of its ingest token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Who paired it.</summary>
    public string PairedBy { get; set; } = "";

    /// <summary>When (UTC text).</summary>
    public string PairedAt { get; set; } = "";

    /// <summary>When it was unpaired (UTC text), or null while paired.</summary>
    public string? UnpairedAt { get; set; }
}
