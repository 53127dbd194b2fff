-- Edits and deletions of thread replies that arrived before the reply itself (Slack does not promise order), kept
-- until the reply is recorded and then applied, so a deleted reply never stays live on the timeline.
-- edited_at is null for a deletion.
CREATE TABLE pending_reply_changes (
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    message_id TEXT NOT NULL,
    text TEXT NULL,
    edited_at BIGINT NULL
);
CREATE INDEX ix_pending_reply_changes ON pending_reply_changes (incident_id, message_id);
