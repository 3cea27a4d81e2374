using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dermis.Trials.Audit;

namespace Dermis.Trials.Tests.Domain;

public sealed class AuditChainTests
{
    private const string Study = "DERM-AD-301";
    private static readonly DateTimeOffset _start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Five chained records: study created, participant screened, EASI corrected, query answered, form locked.</summary>
    private static List<AuditEntry> Chain()
    {
        var events = new (AuditEvent Change, string Actor, string? Role, AuditSource Source)[]
        {
            (new AuditEvent(null, null, "study", Study, null, "create", null, "{\"version\":\"1.0\"}", null), "admin", "sponsorAdmin", AuditSource.Web),
            (new AuditEvent("DE01", "DE01-0003", "participant", "DE01-0003", null, "create", null, "\"screened\"", null), "coord.de01", "coordinator", AuditSource.Api),
            (new AuditEvent("DE01", "DE01-0003", "form", "DE01-0003/12/easi", "total", "update", "20.1", "18.4", "transcription error"), "inv.de01", "investigator", AuditSource.Web),
            (new AuditEvent("DE01", "DE01-0003", "query", "7", null, "answer", "\"open\"", "\"answered\"", null), "coord.de01", "coordinator", AuditSource.Web),
            (new AuditEvent("DE01", "DE01-0003", "lock", "DE01-0003/12/easi", null, "lock", "\"open\"", "\"locked\"", null), "system", null, AuditSource.System),
        };
        var chain = new List<AuditEntry>();
        var previousHash = AuditChain.GenesisHash;
        for (var i = 0; i < events.Length; i++)
        {
            var (change, actor, role, source) = events[i];
            // 0.1234567 s: the last digit is below a microsecond and is dropped.
            var entry = AuditChain.Append(Study, i, previousHash, change, actor, role, source, _start.AddMinutes(i).AddTicks(1_234_567));
            chain.Add(entry);
            previousHash = entry.Hash;
        }

        return chain;
    }

    private static AuditVerification Verify(IEnumerable<AuditEntry> records, long headSequence, string headHash) =>
        AuditChain.Verify(Study, records, headSequence, headHash);

    private static AuditEntry Rehash(AuditEntry entry) => entry with { Hash = AuditChain.ComputeHash(entry) };

    [Fact]
    public void Append_numbers_links_and_hashes_records()
    {
        var chain = Chain();

        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Sequence));
        Assert.Equal(AuditChain.GenesisHash, chain[0].PreviousHash);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
        }

        Assert.All(chain, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.All(chain, e => Assert.Equal(AuditChain.ComputeHash(e), e.Hash));
        Assert.Equal(5, chain.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public void Append_copies_the_event_and_normalises_time()
    {
        var entry = Chain()[2];

        Assert.Equal(
            ("DE01", "DE01-0003", "form", "DE01-0003/12/easi", "total", "update", "20.1", "18.4", "transcription error"),
            (entry.SiteId, entry.Participant, entry.Entity, entry.EntityKey, entry.Item, entry.Action, entry.OldValue, entry.NewValue, entry.Reason));
        Assert.Equal((Study, "inv.de01", "investigator", AuditSource.Web), (entry.StudyId, entry.Actor, entry.Role, entry.Source));
        // 08:02 + 0.1234567 s → 08:02:00.123456.
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 2, 0, TimeSpan.Zero).AddTicks(1_234_560), entry.AtUtc);
    }

    [Fact]
    public void Verify_intact_chain()
    {
        var chain = Chain();

        Assert.Equal(new AuditVerification(Study, 5, true, null, null), Verify(chain, 5, chain[4].Hash));
    }

    [Fact]
    public void Verify_empty_chain_with_genesis_head_is_intact()
    {
        Assert.Equal(new AuditVerification(Study, 0, true, null, null), Verify([], 0, AuditChain.GenesisHash));
    }

    [Fact]
    public void Verify_edited_new_value_in_record_3_is_a_hash_mismatch_at_3()
    {
        var chain = Chain();
        chain[2] = chain[2] with { NewValue = "14.8" };

        Assert.Equal(
            new AuditVerification(Study, 3, false, 3, "record 3 does not match its hash (its content was edited)"),
            Verify(chain, 5, chain[4].Hash));
    }

    [Fact]
    public void Verify_edited_record_with_recomputed_hash_breaks_the_link_of_the_next()
    {
        var chain = Chain();
        chain[2] = Rehash(chain[2] with { NewValue = "14.8" });

        Assert.Equal(
            new AuditVerification(Study, 4, false, 4, "record 4 does not link to record 3 (a record before it was changed, inserted or deleted)"),
            Verify(chain, 5, chain[4].Hash));
    }

    [Fact]
    public void Verify_deleted_middle_record_is_a_gap()
    {
        var chain = Chain();
        chain.RemoveAt(2);

        Assert.Equal(
            new AuditVerification(Study, 2, false, 3, "record 3 is missing: the chain jumps from 2 to 4 (a record was deleted)"),
            Verify(chain, 5, chain[3].Hash));
    }

    [Fact]
    public void Verify_deleted_first_record_is_a_gap_at_1()
    {
        var chain = Chain();
        chain.RemoveAt(0);

        Assert.Equal(
            new AuditVerification(Study, 0, false, 1, "record 1 is missing: the chain jumps from 0 to 2 (a record was deleted)"),
            Verify(chain, 5, chain[3].Hash));
    }

    [Fact]
    public void Verify_deleted_last_record_is_a_head_mismatch()
    {
        var chain = Chain();
        var head = chain[4].Hash;
        chain.RemoveAt(4);

        Assert.Equal(
            new AuditVerification(Study, 4, false, 5, "the chain ends at record 4 but its head records 5 (the last records were deleted)"),
            Verify(chain, 5, head));
    }

    [Fact]
    public void Verify_inserted_forged_record_with_recomputed_hash_breaks_the_link_after_it()
    {
        // A forged record 3 that links to record 2 and carries a correct hash; the original
        // records 3–5 are renumbered 4–6 and re-hashed, but still link to their old predecessors.
        var chain = Chain();
        var forged = Rehash(chain[2] with { NewValue = "9.9", Reason = "forged" });
        var shifted = chain.Skip(2).Select(e => Rehash(e with { Sequence = e.Sequence + 1 })).ToList();
        var tampered = chain.Take(2).Append(forged).Concat(shifted).ToList();

        Assert.Equal(
            new AuditVerification(Study, 4, false, 4, "record 4 does not link to record 3 (a record before it was changed, inserted or deleted)"),
            Verify(tampered, 6, tampered[5].Hash));
    }

    [Fact]
    public void Verify_inserted_record_with_a_repeated_sequence_is_reported_as_inserted()
    {
        var chain = Chain();
        var forged = Rehash(chain[2] with { NewValue = "9.9" });
        chain.Insert(3, forged);

        // Records 1, 2, 3, 3', 4, 5: the second 3 arrives where 4 is expected.
        Assert.Equal(
            new AuditVerification(Study, 3, false, 4, "record 3 appears again after record 3 (a record was inserted)"),
            Verify(chain, 5, chain[5].Hash));
    }

    [Fact]
    public void Verify_swapped_records_are_a_gap_at_the_first_out_of_place()
    {
        var chain = Chain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        // Records 1, 3, 2, 4, 5: 3 arrives where 2 is expected.
        Assert.Equal(
            new AuditVerification(Study, 1, false, 2, "record 2 is missing: the chain jumps from 1 to 3 (a record was deleted)"),
            Verify(chain, 5, chain[4].Hash));
    }

    [Fact]
    public void Verify_reordered_and_renumbered_records_break_the_link()
    {
        // Records 2 and 3 swapped and renumbered so the sequence reads 1..5, each re-hashed.
        var chain = Chain();
        var second = Rehash(chain[2] with { Sequence = 2 });
        var third = Rehash(chain[1] with { Sequence = 3 });
        chain[1] = second;
        chain[2] = third;

        // The new record 2 still links to the original record 2, not to record 1.
        Assert.Equal(
            new AuditVerification(Study, 2, false, 2, "record 2 does not link to record 1 (a record before it was changed, inserted or deleted)"),
            Verify(chain, 5, chain[4].Hash));
    }

    [Fact]
    public void Verify_first_record_not_linked_to_genesis_is_a_link_break_at_1()
    {
        var chain = Chain();
        chain[0] = Rehash(chain[0] with { PreviousHash = new string('f', 64) });

        Assert.Equal(
            new AuditVerification(Study, 1, false, 1, "record 1 does not link to record 0 (a record before it was changed, inserted or deleted)"),
            Verify(chain, 5, chain[4].Hash));
    }

    [Fact]
    public void Verify_changed_head_hash_is_detected()
    {
        var chain = Chain();

        var verification = Verify(chain, 5, chain[3].Hash);

        Assert.False(verification.IsIntact);
        Assert.Equal(5, verification.Records);
        Assert.Equal("the chain's last record 5 does not match its head (record 5); the chain or its head was altered", verification.Problem);
    }

    // AuditVerification documents FirstBrokenSequence as "sequence of the first record that fails".
    // Every record is intact here and the problem text names record 5 as the one that does not
    // match the head, yet FirstBrokenSequence is 6, a record that does not exist.
    [Fact]
    public void Verify_changed_head_hash_names_record_5_as_first_broken()
    {
        var chain = Chain();

        Assert.Equal(5, Verify(chain, 5, chain[3].Hash).FirstBrokenSequence);
    }

    // The head says 4 records; record 5 is the first one the head does not cover.
    [Fact]
    public void Verify_record_beyond_the_head_names_it_as_first_broken()
    {
        var chain = Chain();

        var verification = Verify(chain, 4, chain[3].Hash);

        Assert.Equal("the chain's last record 5 does not match its head (record 4); the chain or its head was altered", verification.Problem);
        Assert.Equal((false, 5L), (verification.IsIntact, verification.Records));
        Assert.Equal(5, verification.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_head_ahead_of_empty_chain_reports_records_deleted()
    {
        Assert.Equal(
            new AuditVerification(Study, 0, false, 1, "the chain ends at record 0 but its head records 3 (the last records were deleted)"),
            Verify([], 3, new string('a', 64)));
    }

    [Fact]
    public void ComputeHash_is_deterministic_and_ignores_the_stored_hash()
    {
        var entry = Chain()[2];
        var copy = entry with { Hash = "not a hash" };

        Assert.Equal(AuditChain.ComputeHash(entry), AuditChain.ComputeHash(entry));
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(copy));
    }

    [Fact]
    public void ComputeHash_uses_the_instant_to_the_microsecond()
    {
        var entry = Chain()[2];

        // Same instant at +02:00, and with a sub-microsecond tick added: same hash.
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(entry with { AtUtc = entry.AtUtc.ToOffset(TimeSpan.FromHours(2)) }));
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(entry with { AtUtc = entry.AtUtc.AddTicks(9) }));
        // One microsecond later: different hash.
        Assert.NotEqual(entry.Hash, AuditChain.ComputeHash(entry with { AtUtc = entry.AtUtc.AddTicks(10) }));
    }

    [Fact]
    public void ComputeHash_distinguishes_null_from_empty_and_field_boundaries()
    {
        var entry = Chain()[2];

        // Null is written as length −1, "" as length 0.
        Assert.NotEqual(AuditChain.ComputeHash(entry with { Reason = null }), AuditChain.ComputeHash(entry with { Reason = "" }));
        // Length prefixes keep "ab" + "c" apart from "a" + "bc".
        Assert.NotEqual(
            AuditChain.ComputeHash(entry with { Actor = "ab", Role = "c" }),
            AuditChain.ComputeHash(entry with { Actor = "a", Role = "bc" }));
    }

    [Fact]
    public void ComputeHash_known_answer_matches_documented_byte_layout()
    {
        var entry = new AuditEntry(
            3, Study, "DE01", "DE01-0003", "form", "DE01-0003/12/easi", "regions.head.erythema", "update", "2", "1.5",
            "Übertragungsfehler – source says 1.5", "inv.de01", null, AuditSource.Web,
            new DateTimeOffset(2026, 9, 1, 8, 15, 30, TimeSpan.Zero).AddTicks(1_234_567),
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "");

        // Each field: int32 little-endian byte length, then UTF-8; null is length −1 with no bytes.
        var bytes = new List<byte>();
        void Field(string? value)
        {
            var length = new byte[4];
            var utf8 = value is null ? [] : Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32LittleEndian(length, value is null ? -1 : utf8.Length);
            bytes.AddRange(length);
            bytes.AddRange(utf8);
        }

        Field("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"); // previous hash
        Field("3"); // sequence
        Field("DERM-AD-301");
        Field("DE01");
        Field("DE01-0003");
        Field("form");
        Field("DE01-0003/12/easi");
        Field("regions.head.erythema");
        Field("update");
        Field("2");
        Field("1.5");
        Field("Übertragungsfehler – source says 1.5"); // 36 characters, 39 UTF-8 bytes (Ü 2, – 3)
        Field("inv.de01");
        Field(null); // role
        Field("Web"); // source
        Field("2026-09-01T08:15:30.123456Z"); // the seventh fraction digit is dropped
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));

        Assert.Equal(282, bytes.Count);
        Assert.Equal(expected, AuditChain.ComputeHash(entry));
        // The same bytes hashed by Python's hashlib.sha256 (struct.pack('<i', n) + UTF-8).
        Assert.Equal("57dea1dee01528057f46a46f699812adb11292ab9f81bdf349d17ba0aa180afa", AuditChain.ComputeHash(entry));
    }

    [Fact]
    public void Normalise_truncates_to_the_microsecond_in_utc()
    {
        var at = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var normalised = AuditChain.Normalise(at);

        // 10:00:00.1234567+02:00 → 08:00:00.123456Z: truncated (not rounded) and moved to UTC.
        Assert.Equal(TimeSpan.Zero, normalised.Offset);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560).UtcTicks, normalised.UtcTicks);
        Assert.Equal("2026-09-01T08:00:00.1234560Z", normalised.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Normalise_keeps_whole_microseconds()
    {
        var at = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

        Assert.Equal(at, AuditChain.Normalise(at));
        Assert.Equal(at, AuditChain.Normalise(AuditChain.Normalise(at.AddTicks(9))));
    }
}
