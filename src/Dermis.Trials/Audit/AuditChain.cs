using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dermis.Trials.Audit;

/// <summary>The outcome of verifying one audit chain of a study.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Records">Records read.</param>
/// <param name="IsIntact">True when every record matches its hash and links to the one before.</param>
/// <param name="FirstBrokenSequence">Sequence of the first record that fails, or null.</param>
/// <param name="Problem">What is wrong with it, or null.</param>
public sealed record AuditVerification(string StudyId, long Records, bool IsIntact, long? FirstBrokenSequence, string? Problem)
{
    /// <summary>The chain: a participant's screening number, or empty for the study's own records.</summary>
    public string Chain { get; init; } = "";
}

/// <summary>
/// Hash-chains audit records: hash = SHA-256(previous hash ‖ length-prefixed UTF-8 of every field),
/// so that changing, removing or inserting any record changes every hash after it.
/// </summary>
/// <remarks>
/// A study has one chain per participant (a casebook's history verifies on its own, and saves for
/// different participants never wait for each other) and one for its own records (sites, staff,
/// protocol versions, study-level locks).
/// </remarks>
public static class AuditChain
{
    /// <summary>The chain a record belongs to: its participant, or empty for study-level records.</summary>
    public static string ChainOf(string? participant) => participant ?? "";

    /// <summary>The "previous hash" of a study's first record.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Truncates a time to the microsecond, the precision both databases store.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>Makes the next record of a chain whose last record has <paramref name="previousSequence"/> and <paramref name="previousHash"/>.</summary>
    public static AuditEntry Append(string studyId, long previousSequence, string previousHash, AuditEvent change, string actor, string? role, AuditSource source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entry = new AuditEntry(previousSequence + 1, studyId, change.SiteId, change.Participant, change.Entity, change.EntityKey, change.Item,
            change.Action, change.OldValue, change.NewValue, change.Reason, actor, role, source, Normalise(at), previousHash, "");
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>The hash a record must carry, from all its fields but <see cref="AuditEntry.Hash"/>.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream(512);
        Write(buffer, entry.PreviousHash);
        Write(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.StudyId);
        Write(buffer, entry.SiteId);
        Write(buffer, entry.Participant);
        Write(buffer, entry.Entity);
        Write(buffer, entry.EntityKey);
        Write(buffer, entry.Item);
        Write(buffer, entry.Action);
        Write(buffer, entry.OldValue);
        Write(buffer, entry.NewValue);
        Write(buffer, entry.Reason);
        Write(buffer, entry.Actor);
        Write(buffer, entry.Role);
        Write(buffer, entry.Source.ToString());
        Write(buffer, Normalise(entry.AtUtc).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>
    /// Verifies records in sequence order against each other and against the chain head kept beside
    /// them (<paramref name="headSequence"/>, <paramref name="headHash"/>), which reveals a deleted last record.
    /// </summary>
    public static AuditVerification Verify(string studyId, IEnumerable<AuditEntry> records, long headSequence, string headHash, string chain = "")
    {
        var result = VerifyChain(studyId, records, headSequence, headHash);
        return result with { Chain = chain };
    }

    private static AuditVerification VerifyChain(string studyId, IEnumerable<AuditEntry> records, long headSequence, string headHash)
    {
        ArgumentNullException.ThrowIfNull(records);
        long expected = 1;
        var previousHash = GenesisHash;
        foreach (var record in records)
        {
            if (record.Sequence != expected)
            {
                return Broken(studyId, expected - 1, expected, record.Sequence < expected
                    ? $"record {record.Sequence} appears again after record {expected - 1} (a record was inserted)"
                    : $"record {expected} is missing: the chain jumps from {expected - 1} to {record.Sequence} (a record was deleted)");
            }

            if (record.PreviousHash != previousHash)
            {
                return Broken(studyId, expected, expected, $"record {expected} does not link to record {expected - 1} (a record before it was changed, inserted or deleted)");
            }

            if (ComputeHash(record) != record.Hash)
            {
                return Broken(studyId, expected, expected, $"record {expected} does not match its hash (its content was edited)");
            }

            previousHash = record.Hash;
            expected++;
        }

        var count = expected - 1;
        if (count != headSequence || previousHash != headHash)
        {
            // Fewer records than the head: the first missing one; more: the first beyond the head;
            // as many but another hash: the last record.
            var first = count < headSequence ? count + 1 : count > headSequence ? headSequence + 1 : count;
            return Broken(studyId, count, first, count < headSequence
                ? $"the chain ends at record {count} but its head records {headSequence} (the last records were deleted)"
                : $"the chain's last record {count} does not match its head (record {headSequence}); the chain or its head was altered");
        }

        return new AuditVerification(studyId, count, true, null, null);
    }

    private static AuditVerification Broken(string studyId, long read, long sequence, string problem) =>
        new(studyId, read, false, sequence, problem);

    private static void Write(MemoryStream buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, -1);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
