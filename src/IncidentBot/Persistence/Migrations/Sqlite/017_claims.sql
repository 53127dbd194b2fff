-- Claims for several instances on one database. Each running process registers a run and renews its heartbeat;
-- a lease names the run that holds it, so the leases of a run whose heartbeat stopped can be taken at once
-- instead of waiting out their length, and a restarted instance (same instance id, new run) takes back its own.
CREATE TABLE delivery_runs (
    run_id TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
CREATE INDEX ix_delivery_runs_instance ON delivery_runs (instance_id);

ALTER TABLE inbox ADD COLUMN lease_owner TEXT NULL;
-- Requests of one thread are processed one after the other, in arrival order, whichever instance takes them.
ALTER TABLE inbox ADD COLUMN ordering_key TEXT NULL;
CREATE INDEX ix_inbox_ordering ON inbox (ordering_key, id);

ALTER TABLE outbox ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE outbox ADD COLUMN lease_until BIGINT NULL;
