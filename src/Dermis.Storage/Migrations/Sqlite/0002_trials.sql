-- Trial execution: accounts, studies and protocol versions, sites, roles, participants, consent,
-- visits, deviations, eCRF data, queries, signatures, freeze/lock, and the hash-chained audit trail
-- (one chain per participant and one per study, each with its head in audit_chain).
-- Times are UTC ISO-8601 text with microseconds ("2026-11-22T10:15:00.000000Z"): sortable, and
-- byte-identical in both engines, which the audit hash needs. Dates are yyyy-MM-dd text.
CREATE TABLE account (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE api_token (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE study (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    sponsor          TEXT NOT NULL,
    protocol_version TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE protocol_version (
    study_id  TEXT NOT NULL REFERENCES study (id),
    version   TEXT NOT NULL,
    yaml      TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL,
    PRIMARY KEY (study_id, version)
);

CREATE TABLE site (
    study_id        TEXT NOT NULL REFERENCES study (id),
    id              TEXT NOT NULL,
    name            TEXT NOT NULL,
    country         TEXT NOT NULL,
    investigator    TEXT NOT NULL,
    capacity        INTEGER NOT NULL,
    activation_date TEXT,
    PRIMARY KEY (study_id, id)
);

CREATE TABLE study_role (
    id         INTEGER PRIMARY KEY,
    study_id   TEXT NOT NULL REFERENCES study (id),
    account_id INTEGER NOT NULL REFERENCES account (id),
    role       TEXT NOT NULL,
    site_id    TEXT,
    participant TEXT
);
CREATE INDEX study_role_account ON study_role (account_id, study_id);
CREATE UNIQUE INDEX study_role_once ON study_role (study_id, account_id, role, COALESCE(site_id, ''), COALESCE(participant, ''));

CREATE TABLE participant (
    id               INTEGER PRIMARY KEY,
    study_id         TEXT NOT NULL,
    site_id          TEXT NOT NULL,
    screening_number TEXT NOT NULL,
    status           TEXT NOT NULL,
    status_reason    TEXT,
    protocol_version TEXT NOT NULL,
    eligibility      TEXT NOT NULL,
    anchor_date      TEXT,
    arm              TEXT,
    row_version      INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    UNIQUE (study_id, screening_number),
    FOREIGN KEY (study_id, site_id) REFERENCES site (study_id, id)
);
CREATE INDEX participant_site ON participant (study_id, site_id);

CREATE TABLE consent (
    id               INTEGER PRIMARY KEY,
    participant_id   INTEGER NOT NULL REFERENCES participant (id),
    document_version TEXT NOT NULL,
    signed_on        TEXT NOT NULL,
    method           TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    recorded_at      TEXT NOT NULL
);
CREATE INDEX consent_participant ON consent (participant_id);

CREATE TABLE visit (
    id               INTEGER PRIMARY KEY,
    participant_id   INTEGER NOT NULL REFERENCES participant (id),
    visit_id         TEXT NOT NULL,
    visit_date       TEXT NOT NULL,
    window_status    TEXT NOT NULL,
    days_outside     INTEGER NOT NULL,
    protocol_version TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX visit_participant ON visit (participant_id);

CREATE TABLE deviation (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    visit_row_id   INTEGER REFERENCES visit (id),
    kind           TEXT NOT NULL,
    description    TEXT NOT NULL,
    detected_at    TEXT NOT NULL
);
CREATE INDEX deviation_participant ON deviation (participant_id);

CREATE TABLE form_data (
    id                 INTEGER PRIMARY KEY,
    participant_id     INTEGER NOT NULL REFERENCES participant (id),
    visit_row_id       INTEGER NOT NULL REFERENCES visit (id),
    form_id            TEXT NOT NULL,
    protocol_version   TEXT NOT NULL,
    status             TEXT NOT NULL,
    data               TEXT NOT NULL,
    derived            TEXT,
    instrument_version TEXT,
    row_version        INTEGER NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    UNIQUE (visit_row_id, form_id)
);
CREATE INDEX form_data_participant ON form_data (participant_id);

CREATE TABLE data_query (
    id             INTEGER PRIMARY KEY,
    study_id       TEXT NOT NULL,
    site_id        TEXT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    form_data_id   INTEGER REFERENCES form_data (id),
    item           TEXT,
    kind           TEXT NOT NULL,
    check_id       TEXT,
    state          TEXT NOT NULL,
    text           TEXT NOT NULL,
    opened_by      TEXT NOT NULL,
    opened_at      TEXT NOT NULL
);
CREATE INDEX data_query_study ON data_query (study_id, site_id, state);
CREATE INDEX data_query_form ON data_query (form_data_id);

CREATE TABLE query_message (
    id       INTEGER PRIMARY KEY,
    query_id INTEGER NOT NULL REFERENCES data_query (id),
    action   TEXT NOT NULL,
    text     TEXT NOT NULL,
    author   TEXT NOT NULL,
    role     TEXT,
    at       TEXT NOT NULL
);
CREATE INDEX query_message_query ON query_message (query_id);

CREATE TABLE signature (
    id                 INTEGER PRIMARY KEY,
    participant_id     INTEGER NOT NULL REFERENCES participant (id),
    visit_row_id       INTEGER REFERENCES visit (id),
    signer             TEXT NOT NULL,
    signer_name        TEXT NOT NULL,
    meaning            TEXT NOT NULL,
    signed_at          TEXT NOT NULL,
    invalidated_at     TEXT,
    invalidated_reason TEXT
);
CREATE INDEX signature_participant ON signature (participant_id);

CREATE TABLE freeze_lock (
    study_id TEXT NOT NULL REFERENCES study (id),
    level    TEXT NOT NULL,
    target   TEXT NOT NULL,
    state    TEXT NOT NULL,
    set_by   TEXT NOT NULL,
    set_at   TEXT NOT NULL,
    PRIMARY KEY (study_id, level, target)
);

CREATE TABLE audit (
    study_id      TEXT NOT NULL,
    chain         TEXT NOT NULL,
    sequence      INTEGER NOT NULL,
    site_id       TEXT,
    participant   TEXT,
    entity        TEXT NOT NULL,
    entity_key    TEXT NOT NULL,
    item          TEXT,
    action        TEXT NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    reason        TEXT,
    actor         TEXT NOT NULL,
    role          TEXT,
    source        TEXT NOT NULL,
    at_utc        TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL,
    PRIMARY KEY (study_id, chain, sequence)
);
CREATE INDEX audit_time ON audit (study_id, at_utc);

CREATE TABLE audit_chain (
    study_id      TEXT NOT NULL,
    chain         TEXT NOT NULL,
    last_sequence INTEGER NOT NULL,
    last_hash     TEXT NOT NULL,
    PRIMARY KEY (study_id, chain)
);
