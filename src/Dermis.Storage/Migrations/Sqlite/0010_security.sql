-- Security hardening (docs/security.md). Every cookie carries its account's security stamp; signing
-- out everywhere or changing the password gives the account a new one, so older cookies stop working.
-- Sign-in attempts, successful or not, are kept append-only (nothing updates or deletes them): who or
-- the user name tried, when (UTC), from which address, through which channel, outcome and reason.
ALTER TABLE account ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';

CREATE TABLE sign_in_event (
    id         INTEGER PRIMARY KEY,
    at_utc     TEXT NOT NULL,
    username   TEXT NOT NULL,
    account_id INTEGER REFERENCES account (id),
    channel    TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    reason     TEXT,
    ip         TEXT
);
CREATE INDEX sign_in_event_account ON sign_in_event (account_id, at_utc);
CREATE INDEX sign_in_event_time ON sign_in_event (at_utc);
