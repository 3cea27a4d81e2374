-- Immune-cell composition per participant sample from the single-cell pipeline (docs/singlecell.md,
-- "Composition on the casebook"): one row per sample and cell type; uploading a sample again (a new
-- pipeline run) replaces its rows, and the audit trail keeps what was there.
CREATE TABLE immune_composition (
    id                INTEGER PRIMARY KEY,
    participant_id    INTEGER NOT NULL REFERENCES participant (id),
    sample            TEXT NOT NULL,
    collected_on      TEXT,
    tissue            TEXT,
    cell_type         TEXT NOT NULL,
    cells             INTEGER NOT NULL,
    fraction          REAL NOT NULL,
    pipeline_version  TEXT NOT NULL,
    uploaded_by       TEXT NOT NULL,
    uploaded_at       TEXT NOT NULL,
    UNIQUE (participant_id, sample, cell_type)
);
