-- The installation this database belongs to, and its settings. One row in installation, ever.
CREATE TABLE installation (
    id              integer PRIMARY KEY CHECK (id = 1),
    installation_id text NOT NULL,
    created_at      timestamptz NOT NULL
);

INSERT INTO installation (id, installation_id, created_at)
VALUES (1, replace(gen_random_uuid()::text, '-', ''), now());

CREATE TABLE setting (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL
);
