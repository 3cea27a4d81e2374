-- Nights waiting for analysis (docs/sensing.md, "Automatic analysis"): ingest adds or moves a job for
-- every night a batch touches, due once the night has ended and no batch arrived for a quiet period;
-- any server process may claim a due job for a lease, so a crashed worker's job is taken up again.
-- A job is removed once its night is stored; a night that cannot be analysed keeps its reason until
-- the next batch for it moves the due time.
CREATE TABLE night_job (
    participant_id  bigint NOT NULL REFERENCES participant (id),
    night_date      text NOT NULL,
    source          text NOT NULL,
    due_at          text NOT NULL,
    claimed_by      text,
    claimed_until   text,
    attempts        integer NOT NULL DEFAULT 0,
    failed_due_at   text,
    last_error      text,
    PRIMARY KEY (participant_id, night_date, source)
);
CREATE INDEX night_job_due ON night_job (due_at);

-- What the night view draws (docs/sensing.md, "Night view"): the movement trace, sleep per minute and
-- the detected events of the computation, beside its measures; JSON, kept with the row it explains.
ALTER TABLE night_summary ADD COLUMN trace text;
