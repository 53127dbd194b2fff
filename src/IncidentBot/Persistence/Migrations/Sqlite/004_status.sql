-- Status updates: the public updates of each incident (what the status page, the stakeholder channels and
-- Statuspage show; by_actor is kept for the record and never published), and the Statuspage incident each of ours
-- was created as, so later updates patch it instead of opening another.
CREATE TABLE status_updates (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    stage TEXT NOT NULL,
    public_message TEXT NOT NULL,
    at BIGINT NOT NULL,
    by_actor TEXT NOT NULL
);
CREATE INDEX ix_status_updates_incident ON status_updates (incident_id, at);

CREATE TABLE statuspage_incidents (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    statuspage_id TEXT NOT NULL
);
