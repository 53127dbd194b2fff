-- What the public may see of an incident. public_title is set by its first public status update (until then the
-- status page and Statuspage do not show it); a private incident never gets one. The index serves the status page,
-- which reads the published incidents that are open or were resolved in the last week.
ALTER TABLE incidents ADD COLUMN is_private INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN public_title TEXT NULL;
CREATE INDEX ix_incidents_public ON incidents (status, resolved_at) WHERE public_title IS NOT NULL AND is_private = 0;
