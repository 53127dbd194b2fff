-- Postmortem: key events (a pinned reply) on the timeline, and what resolving recorded: how recovery was verified,
-- and when known the root cause and what resolved it.
ALTER TABLE timeline ADD COLUMN key_event INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN verification TEXT NULL;
ALTER TABLE incidents ADD COLUMN root_cause TEXT NULL;
ALTER TABLE incidents ADD COLUMN resolution TEXT NULL;
