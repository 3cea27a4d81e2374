-- Sweat cytokine patches (docs/sweat.md). Calibrations: one row per fit of a sensor lot's standards
-- for one cytokine; a new upload adds a version and never replaces the fit earlier results used.
CREATE TABLE sweat_calibration (
    id              INTEGER PRIMARY KEY,
    study_id        TEXT NOT NULL REFERENCES study (id),
    lot             TEXT NOT NULL,
    cytokine        TEXT NOT NULL,
    version         INTEGER NOT NULL,
    model           TEXT NOT NULL,
    unit            TEXT NOT NULL,
    standards       TEXT NOT NULL,
    curve           TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (study_id, lot, cytokine, version)
);

-- Patch readings as the patch sent them, one row per batch (never merged): the raw responses are
-- kept, so concentrations are re-derived whenever a lot's calibration changes. readings holds
-- packed little-endian records (int64 time in Unix microseconds, uint16 channel, float32 response,
-- float32 temperature °C, float32 sweat rate µL/min/cm², NaN when not reported); channels is JSON.
CREATE TABLE sweat_batch (
    id              INTEGER PRIMARY KEY,
    device_id       INTEGER NOT NULL REFERENCES device (id),
    participant_id  INTEGER NOT NULL REFERENCES participant (id),
    batch_id        TEXT NOT NULL,
    lot             TEXT NOT NULL,
    channels        TEXT NOT NULL,
    start_utc       TEXT NOT NULL,
    end_utc         TEXT NOT NULL,
    reading_count   INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    readings        BLOB NOT NULL,
    received_at     TEXT NOT NULL,
    UNIQUE (device_id, batch_id)
);
CREATE INDEX sweat_batch_time ON sweat_batch (participant_id, start_utc);
