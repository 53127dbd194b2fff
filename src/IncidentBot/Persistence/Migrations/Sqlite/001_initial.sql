-- Times are unix milliseconds (BIGINT) so that the same Dapper code reads both databases.
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    request_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    severity INTEGER NULL,
    area TEXT NULL,
    owner TEXT NULL,
    declared_by TEXT NOT NULL,
    declared_at BIGINT NOT NULL,
    resolved_at BIGINT NULL,
    platform TEXT NOT NULL,
    channel TEXT NOT NULL,
    thread_id TEXT NULL
);
CREATE INDEX ix_incidents_thread ON incidents (platform, channel, thread_id);

CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    text TEXT NOT NULL,
    source_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    edited_at BIGINT NULL,
    UNIQUE (incident_id, source_id)
);

CREATE TABLE inbox (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before BIGINT NOT NULL,
    lease_until BIGINT NULL,
    last_error TEXT NULL,
    done_at BIGINT NULL
);
CREATE INDEX ix_inbox_status ON inbox (status, id);

CREATE TABLE inbox_keys (
    key TEXT PRIMARY KEY,
    inbox_id INTEGER NOT NULL REFERENCES inbox (id)
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    message_key TEXT NOT NULL UNIQUE,
    ordering_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    incident_number BIGINT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT NULL,
    last_error TEXT NULL,
    result TEXT NULL
);
CREATE INDEX ix_outbox_order ON outbox (status, ordering_key, id);
