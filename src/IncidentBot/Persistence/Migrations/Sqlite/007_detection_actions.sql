-- Time to detect: when users were first affected (an alert's start, or the started command), and the alert an
-- incident was opened for, so later notifications of that alert find it instead of opening a second one.
ALTER TABLE incidents ADD COLUMN impact_started_at BIGINT NULL;
ALTER TABLE incidents ADD COLUMN alert_key TEXT NULL;
CREATE INDEX ix_incidents_alert ON incidents (alert_key);

-- Follow-up actions (A-<n>), numbered across incidents; request_key makes recording one idempotent. due is an ISO
-- date (yyyy-mm-dd), compared as text.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    request_key TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    text TEXT NOT NULL,
    owner TEXT NULL,
    due TEXT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    done_at BIGINT NULL,
    done_by TEXT NULL
);
CREATE INDEX ix_actions_incident ON actions (incident_id);

-- Follow-ups recorded before actions had ids were timeline entries only: they become planned actions.
INSERT INTO actions (request_key, incident_id, text, created_by, created_at)
SELECT source_id, incident_id, text, actor, at FROM timeline
WHERE kind = 'action' AND source_id LIKE 'action:%' AND deleted = 0
ORDER BY id;
