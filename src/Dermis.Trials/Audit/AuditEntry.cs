namespace Dermis.Trials.Audit;

/// <summary>Where a change came from (21 CFR 11.10(e): the record says how it was made).</summary>
public enum AuditSource
{
    /// <summary>The web application.</summary>
    Web,

    /// <summary>The REST API.</summary>
    Api,

    /// <summary>A file import.</summary>
    Import,

    /// <summary>A participant's device or a sensor.</summary>
    Device,

    /// <summary>Dermis itself (an edit check opening a query, a signature invalidated by a change).</summary>
    System,
}

/// <summary>
/// One append-only audit record: who (account and role), where (site), when (UTC), what (entity,
/// item, old and new value, action), why (reason) and how (source). Each record carries the hash of
/// the previous record of its study, so any edit, deletion or insertion breaks the chain.
/// </summary>
/// <param name="Sequence">Position in the study's chain, from 1.</param>
/// <param name="StudyId">Study.</param>
/// <param name="SiteId">Site, when the record concerns one.</param>
/// <param name="Participant">Screening number, when the record concerns a participant.</param>
/// <param name="Entity">Kind of record changed: <c>study</c>, <c>site</c>, <c>staff</c>, <c>participant</c>, <c>consent</c>, <c>visit</c>, <c>form</c>, <c>query</c>, <c>signature</c>, <c>lock</c>.</param>
/// <param name="EntityKey">Which one, e.g. <c>DE01-0003/12/easi</c>.</param>
/// <param name="Item">Item path for data changes, else null.</param>
/// <param name="Action">What happened: <c>create</c>, <c>update</c>, <c>enrol</c>, <c>answer</c>, <c>sign</c>, <c>lock</c> …</param>
/// <param name="OldValue">Value before (JSON text), null when none.</param>
/// <param name="NewValue">Value after (JSON text), null when none.</param>
/// <param name="Reason">Reason for change, when given.</param>
/// <param name="Actor">Account user name, or <c>system</c>.</param>
/// <param name="Role">Role the actor acted in, when any.</param>
/// <param name="Source">How the change arrived.</param>
/// <param name="AtUtc">When, UTC, to the microsecond.</param>
/// <param name="PreviousHash">Hash of record <paramref name="Sequence"/> − 1 (<see cref="AuditChain.GenesisHash"/> for the first).</param>
/// <param name="Hash">SHA-256 over this record's fields and <paramref name="PreviousHash"/>.</param>
public sealed record AuditEntry(
    long Sequence,
    string StudyId,
    string? SiteId,
    string? Participant,
    string Entity,
    string EntityKey,
    string? Item,
    string Action,
    string? OldValue,
    string? NewValue,
    string? Reason,
    string Actor,
    string? Role,
    AuditSource Source,
    DateTimeOffset AtUtc,
    string PreviousHash,
    string Hash);

/// <summary>An audit record before it is chained: everything but sequence and hashes.</summary>
/// <param name="SiteId">Site, when the record concerns one.</param>
/// <param name="Participant">Screening number, when it concerns a participant.</param>
/// <param name="Entity">Kind of record.</param>
/// <param name="EntityKey">Which one.</param>
/// <param name="Item">Item path, for data changes.</param>
/// <param name="Action">What happened.</param>
/// <param name="OldValue">Value before.</param>
/// <param name="NewValue">Value after.</param>
/// <param name="Reason">Reason for change.</param>
public sealed record AuditEvent(
    string? SiteId,
    string? Participant,
    string Entity,
    string EntityKey,
    string? Item,
    string Action,
    string? OldValue,
    string? NewValue,
    string? Reason);
