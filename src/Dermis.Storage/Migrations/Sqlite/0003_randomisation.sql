-- Randomisation: one allocation per participant (with the levels it was allocated on, a
-- diagnostic record of how, and a kit number that does not reveal the arm), the block in use per
-- stratum, and emergency unblindings.
CREATE TABLE allocation (
    participant_id INTEGER PRIMARY KEY REFERENCES participant (id),
    study_id       TEXT NOT NULL,
    site_id        TEXT NOT NULL,
    stratum        TEXT NOT NULL,
    levels         TEXT NOT NULL,
    arm            TEXT NOT NULL,
    kit_number     TEXT NOT NULL,
    method         TEXT NOT NULL,
    diagnostic     TEXT NOT NULL,
    allocated_at   TEXT NOT NULL,
    allocated_by   TEXT NOT NULL
);
CREATE INDEX allocation_study ON allocation (study_id, site_id);
CREATE UNIQUE INDEX allocation_kit ON allocation (study_id, kit_number);

CREATE TABLE randomisation_block (
    study_id     TEXT NOT NULL,
    stratum      TEXT NOT NULL,
    block        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    block_number INTEGER NOT NULL,
    PRIMARY KEY (study_id, stratum)
);

CREATE TABLE unblinding (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    unblinded_by   TEXT NOT NULL,
    role           TEXT,
    reason         TEXT NOT NULL,
    unblinded_at   TEXT NOT NULL
);
CREATE INDEX unblinding_participant ON unblinding (participant_id);
