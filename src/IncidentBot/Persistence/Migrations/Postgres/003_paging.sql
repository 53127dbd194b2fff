-- Paging: who acknowledged and when (the first acknowledgement wins), how far escalation has gone, and people's
-- run-time out-of-office (/outage ooo, /outage back); the registry file holds the planned absences.
ALTER TABLE incidents ADD COLUMN acknowledged_at BIGINT NULL;
ALTER TABLE incidents ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;

CREATE TABLE availability (
    person_id TEXT PRIMARY KEY,
    away_until TEXT NULL,
    updated_at BIGINT NOT NULL
);
