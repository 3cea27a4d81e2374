-- Decentralised participation (docs/participant-app.md): invitations to the participant app, the
-- participant's time zone, diary entries with device and server time, electronic consent with the
-- signed snapshot and its hash, paired devices with their ingest tokens, and sign-in lockout.
ALTER TABLE participant ADD COLUMN time_zone TEXT;
ALTER TABLE participant ADD COLUMN activated_on TEXT;
ALTER TABLE account ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN locked_until TEXT;

-- Only the SHA-256 of an invitation token is kept: the link itself is shown once.
CREATE TABLE invitation (
    token_hash     TEXT PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT
);
CREATE INDEX invitation_participant ON invitation (participant_id);

-- One entry per diary and due date; client_entry_id makes a retried submission idempotent.
CREATE TABLE diary_entry (
    id                 INTEGER PRIMARY KEY,
    participant_id     INTEGER NOT NULL REFERENCES participant (id),
    diary_id           TEXT NOT NULL,
    diary_date         TEXT NOT NULL,
    client_entry_id    TEXT NOT NULL,
    data               TEXT NOT NULL,
    derived            TEXT,
    instrument_version TEXT,
    protocol_version   TEXT NOT NULL,
    device_time        TEXT NOT NULL,
    device_time_utc    TEXT NOT NULL,
    server_time        TEXT NOT NULL,
    queued             INTEGER NOT NULL,
    UNIQUE (participant_id, diary_id, diary_date),
    UNIQUE (participant_id, client_entry_id)
);

-- What was signed, exactly: the snapshot (document text, answers, name) and its SHA-256.
CREATE TABLE econsent (
    id                 INTEGER PRIMARY KEY,
    participant_id     INTEGER NOT NULL REFERENCES participant (id),
    document_version   TEXT NOT NULL,
    snapshot           TEXT NOT NULL,
    sha256             TEXT NOT NULL,
    signed_name        TEXT NOT NULL,
    signed_at          TEXT NOT NULL,
    countersigned_by   TEXT,
    countersigned_name TEXT,
    countersigned_at   TEXT,
    UNIQUE (participant_id, document_version)
);

-- A serial is paired to one participant at a time; only the SHA-256 of the ingest token is kept.
CREATE TABLE device (
    id             INTEGER PRIMARY KEY,
    study_id       TEXT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    serial         TEXT NOT NULL,
    kind           TEXT NOT NULL,
    token_hash     TEXT NOT NULL UNIQUE,
    paired_by      TEXT NOT NULL,
    paired_at      TEXT NOT NULL,
    unpaired_at    TEXT
);
CREATE UNIQUE INDEX device_serial_paired ON device (serial) WHERE unpaired_at IS NULL;
CREATE INDEX device_participant ON device (participant_id);
