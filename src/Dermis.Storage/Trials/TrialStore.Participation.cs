namespace Dermis.Storage.Trials;

/// <summary>The participant app: invitations, diary entries, electronic consent, devices.</summary>
public sealed partial class TrialStore
{
    private const string DiaryColumns = """
        id AS Id, participant_id AS ParticipantId, diary_id AS DiaryId, diary_date AS DiaryDate, client_entry_id AS ClientEntryId, data AS Data,
        derived AS Derived, instrument_version AS InstrumentVersion, protocol_version AS ProtocolVersion, device_time AS DeviceTime,
        device_time_utc AS DeviceTimeUtc, server_time AS ServerTime, queued AS Queued
        """;

    private const string EConsentColumns = """
        id AS Id, participant_id AS ParticipantId, document_version AS DocumentVersion, snapshot AS Snapshot, sha256 AS Sha256, signed_name AS SignedName,
        signed_at AS SignedAt, countersigned_by AS CountersignedBy, countersigned_name AS CountersignedName, countersigned_at AS CountersignedAt
        """;

    private const string DeviceColumns = """
        d.id AS Id, d.study_id AS StudyId, d.participant_id AS ParticipantId, p.screening_number AS ScreeningNumber, p.site_id AS SiteId, d.serial AS Serial,
        d.kind AS Kind, d.token_hash AS TokenHash, d.paired_by AS PairedBy, d.paired_at AS PairedAt, d.unpaired_at AS UnpairedAt
        """;

    /// <summary>Stores an invitation and the participant's time zone; earlier unused invitations of the participant stop working.</summary>
    public async Task AddInvitationAsync(InvitationRow invitation, string timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await ExecuteAsync("UPDATE invitation SET expires_at = @CreatedAt WHERE participant_id = @ParticipantId AND used_at IS NULL AND expires_at > @CreatedAt", invitation, cancellationToken);
        await ExecuteAsync("""
            INSERT INTO invitation (token_hash, participant_id, created_by, created_at, expires_at) VALUES (@TokenHash, @ParticipantId, @CreatedBy, @CreatedAt, @ExpiresAt)
            """, invitation, cancellationToken);
        await ExecuteAsync("UPDATE participant SET time_zone = @timeZone WHERE id = @id", new { timeZone, id = invitation.ParticipantId }, cancellationToken);
    }

    /// <summary>The invitation with this token hash, with its participant, or null.</summary>
    public Task<InvitationRow?> FindInvitationAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<InvitationRow>("""
            SELECT i.token_hash AS TokenHash, i.participant_id AS ParticipantId, p.study_id AS StudyId, p.screening_number AS ScreeningNumber, p.site_id AS SiteId,
                   i.created_by AS CreatedBy, i.created_at AS CreatedAt, i.expires_at AS ExpiresAt, i.used_at AS UsedAt
            FROM invitation i JOIN participant p ON p.id = i.participant_id WHERE i.token_hash = @tokenHash
            """, new { tokenHash }, cancellationToken);

    /// <summary>Marks an invitation used, once; false when it was used meanwhile.</summary>
    public async Task<bool> UseInvitationAsync(string tokenHash, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE invitation SET used_at = @at WHERE token_hash = @tokenHash AND used_at IS NULL", new { tokenHash, at = UtcText.Format(at) }, cancellationToken) == 1;

    /// <summary>Records the local date the participant activated the app (first activation only).</summary>
    public Task SetActivatedOnAsync(long participantId, DateOnly activatedOn, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE participant SET activated_on = @on WHERE id = @participantId AND activated_on IS NULL",
            new { participantId, on = UtcText.Format(activatedOn) }, cancellationToken);

    /// <summary>Stores a diary entry; returns its key.</summary>
    public async Task<long> InsertDiaryEntryAsync(DiaryEntryRow entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO diary_entry (participant_id, diary_id, diary_date, client_entry_id, data, derived, instrument_version, protocol_version, device_time, device_time_utc, server_time, queued)
            VALUES (@ParticipantId, @DiaryId, @DiaryDate, @ClientEntryId, @Data, @Derived, @InstrumentVersion, @ProtocolVersion, @DeviceTime, @DeviceTimeUtc, @ServerTime, @Queued) RETURNING id
            """, entry, cancellationToken);
        return entry.Id;
    }

    /// <summary>The entry a device already submitted under <paramref name="clientEntryId"/>, or null.</summary>
    public Task<DiaryEntryRow?> FindDiaryEntryByClientIdAsync(long participantId, string clientEntryId, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<DiaryEntryRow>($"SELECT {DiaryColumns} FROM diary_entry WHERE participant_id = @participantId AND client_entry_id = @clientEntryId",
            new { participantId, clientEntryId }, cancellationToken);

    /// <summary>The entry of one diary for one due date, or null.</summary>
    public Task<DiaryEntryRow?> FindDiaryEntryAsync(long participantId, string diaryId, string diaryDate, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<DiaryEntryRow>($"SELECT {DiaryColumns} FROM diary_entry WHERE participant_id = @participantId AND diary_id = @diaryId AND diary_date = @diaryDate",
            new { participantId, diaryId, diaryDate }, cancellationToken);

    /// <summary>Every diary entry of a participant, newest due date first.</summary>
    public Task<List<DiaryEntryRow>> ListDiaryEntriesAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<DiaryEntryRow>($"SELECT {DiaryColumns} FROM diary_entry WHERE participant_id = @participantId ORDER BY diary_date DESC, diary_id",
            new { participantId }, cancellationToken);

    /// <summary>Diary due dates entered per participant of a study (for compliance): participant key, diary, date.</summary>
    public async Task<List<(long ParticipantId, string DiaryId, string DiaryDate)>> ListDiaryDatesAsync(string studyId, CancellationToken cancellationToken = default) =>
        (await QueryAsync<(long, string, string)>("""
            SELECT e.participant_id, e.diary_id, e.diary_date FROM diary_entry e JOIN participant p ON p.id = e.participant_id WHERE p.study_id = @studyId
            """, new { studyId }, cancellationToken)).ToList();

    /// <summary>Stores a signed electronic consent; returns its key.</summary>
    public async Task<long> InsertEConsentAsync(EConsentRow consent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consent);
        consent.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO econsent (participant_id, document_version, snapshot, sha256, signed_name, signed_at)
            VALUES (@ParticipantId, @DocumentVersion, @Snapshot, @Sha256, @SignedName, @SignedAt) RETURNING id
            """, consent, cancellationToken);
        return consent.Id;
    }

    /// <summary>Electronic consents of a participant, oldest first.</summary>
    public Task<List<EConsentRow>> ListEConsentsAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<EConsentRow>($"SELECT {EConsentColumns} FROM econsent WHERE participant_id = @participantId ORDER BY id", new { participantId }, cancellationToken);

    /// <summary>Adds the investigator's countersignature, once; false when already countersigned.</summary>
    public async Task<bool> CountersignEConsentAsync(long econsentId, string by, string name, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("""
            UPDATE econsent SET countersigned_by = @by, countersigned_name = @name, countersigned_at = @at WHERE id = @econsentId AND countersigned_at IS NULL
            """, new { econsentId, by, name, at = UtcText.Format(at) }, cancellationToken) == 1;

    /// <summary>Pairs a device; returns its key.</summary>
    public async Task<long> InsertDeviceAsync(DeviceRow device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.Id = await ExecuteScalarAsync<long>("""
            INSERT INTO device (study_id, participant_id, serial, kind, token_hash, paired_by, paired_at) VALUES (@StudyId, @ParticipantId, @Serial, @Kind, @TokenHash, @PairedBy, @PairedAt) RETURNING id
            """, device, cancellationToken);
        return device.Id;
    }

    /// <summary>The device currently paired under <paramref name="serial"/> (in any study), or null.</summary>
    public Task<DeviceRow?> FindPairedDeviceAsync(string serial, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<DeviceRow>($"SELECT {DeviceColumns} FROM device d JOIN participant p ON p.id = d.participant_id WHERE d.serial = @serial AND d.unpaired_at IS NULL",
            new { serial }, cancellationToken);

    /// <summary>The paired device whose ingest token hashes to <paramref name="tokenHash"/>, or null.</summary>
    public Task<DeviceRow?> FindDeviceByTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        QueryFirstOrDefaultAsync<DeviceRow>($"SELECT {DeviceColumns} FROM device d JOIN participant p ON p.id = d.participant_id WHERE d.token_hash = @tokenHash AND d.unpaired_at IS NULL",
            new { tokenHash }, cancellationToken);

    /// <summary>Devices of a participant, paired and unpaired, newest first.</summary>
    public Task<List<DeviceRow>> ListDevicesAsync(long participantId, CancellationToken cancellationToken = default) =>
        QueryAsync<DeviceRow>($"SELECT {DeviceColumns} FROM device d JOIN participant p ON p.id = d.participant_id WHERE d.participant_id = @participantId ORDER BY d.id DESC",
            new { participantId }, cancellationToken);

    /// <summary>Unpairs a device (its token stops working); false when it was not paired.</summary>
    public async Task<bool> UnpairDeviceAsync(long deviceId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE device SET unpaired_at = @at WHERE id = @deviceId AND unpaired_at IS NULL", new { deviceId, at = UtcText.Format(at) }, cancellationToken) == 1;

    /// <summary>Counts a failed sign-in; locks the account until <paramref name="lockUntil"/> when the count reaches <paramref name="limit"/>. Returns the new count.</summary>
    public async Task<int> RecordFailedSignInAsync(long accountId, int limit, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("""
            UPDATE account SET failed_sign_ins = failed_sign_ins + 1,
                   locked_until = CASE WHEN failed_sign_ins + 1 >= @limit THEN @lockUntil ELSE locked_until END
            WHERE id = @accountId
            """, new { accountId, limit, lockUntil = UtcText.Format(lockUntil) }, cancellationToken);
        return await ExecuteScalarAsync<int>("SELECT failed_sign_ins FROM account WHERE id = @accountId", new { accountId }, cancellationToken);
    }

    /// <summary>Clears the failed sign-in count after a successful sign-in.</summary>
    public Task ResetFailedSignInsAsync(long accountId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE account SET failed_sign_ins = 0, locked_until = NULL WHERE id = @accountId AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)", new { accountId }, cancellationToken);

    /// <summary>When the account's lockout ends (UTC text), or null when not locked.</summary>
    public Task<string?> GetLockedUntilAsync(long accountId, CancellationToken cancellationToken = default) =>
        ExecuteScalarAsync<string?>("SELECT locked_until FROM account WHERE id = @accountId", new { accountId }, cancellationToken);

    /// <summary>The casebooks an account holds as a participant: study and screening number.</summary>
    public async Task<List<(string StudyId, string ScreeningNumber)>> ListOwnCasebooksAsync(long accountId, CancellationToken cancellationToken = default) =>
        (await QueryAsync<(string, string)>("SELECT study_id, participant FROM study_role WHERE account_id = @accountId AND role = 'participant' AND participant IS NOT NULL ORDER BY study_id",
            new { accountId }, cancellationToken)).ToList();

    /// <summary>Accounts that hold a participant's casebook.</summary>
    public async Task<List<long>> ListOwnCasebookAccountsAsync(string studyId, string screeningNumber, CancellationToken cancellationToken = default) =>
        (await QueryAsync<long>("SELECT account_id FROM study_role WHERE study_id = @studyId AND participant = @screeningNumber AND role = 'participant'",
            new { studyId, screeningNumber }, cancellationToken)).ToList();

    /// <summary>When each participant's status last changed (UTC text), from the audit trail: when a withdrawal or completion ended their diaries.</summary>
    public async Task<Dictionary<string, string>> ListLastStatusChangesAsync(string studyId, CancellationToken cancellationToken = default) =>
        (await QueryAsync<(string, string)>("""
            SELECT participant, max(at_utc) FROM audit WHERE study_id = @studyId AND entity = 'participant' AND item = 'status' AND participant IS NOT NULL GROUP BY participant
            """, new { studyId }, cancellationToken)).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
}
