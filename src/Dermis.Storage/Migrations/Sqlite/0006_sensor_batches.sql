-- Device data (docs/sensing.md): one row per batch as the device sent it, never merged with its
-- neighbours; the batch id makes a retry idempotent (the same bytes are acknowledged again, other
-- bytes under the same id are refused). Times are UTC ISO-8601 text; samples are packed little-endian
-- float32 x, y, z in g (accelerometer) or one float32 per sample (radio displacement, mm).
CREATE TABLE sensor_batch (
    id              INTEGER PRIMARY KEY,
    device_id       INTEGER NOT NULL REFERENCES device (id),
    participant_id  INTEGER NOT NULL REFERENCES participant (id),
    batch_id        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    start_utc       TEXT NOT NULL,
    end_utc         TEXT NOT NULL,
    sample_rate     REAL NOT NULL,
    sample_count    INTEGER NOT NULL,
    channels        INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    samples         BLOB NOT NULL,
    received_at     TEXT NOT NULL,
    UNIQUE (device_id, batch_id)
);
CREATE INDEX sensor_batch_time ON sensor_batch (participant_id, kind, start_utc);

-- Nightly measures per participant-night and algorithm version: re-computing with a new version
-- adds rows, never overwrites what an earlier version said.
CREATE TABLE night_summary (
    id                INTEGER PRIMARY KEY,
    participant_id    INTEGER NOT NULL REFERENCES participant (id),
    night_date        TEXT NOT NULL,
    algorithm_version TEXT NOT NULL,
    window_start_utc  TEXT,
    window_end_utc    TEXT,
    measures          TEXT NOT NULL,
    computed_at       TEXT NOT NULL,
    UNIQUE (participant_id, night_date, algorithm_version)
);

-- Worsening against a participant's own baseline, raised to the site once per crossing.
CREATE TABLE sensing_alert (
    id              INTEGER PRIMARY KEY,
    participant_id  INTEGER NOT NULL REFERENCES participant (id),
    night_date      TEXT NOT NULL,
    measure         TEXT NOT NULL,
    baseline        REAL NOT NULL,
    rolling_mean    REAL NOT NULL,
    message         TEXT NOT NULL,
    raised_at       TEXT NOT NULL,
    UNIQUE (participant_id, measure, night_date)
);
