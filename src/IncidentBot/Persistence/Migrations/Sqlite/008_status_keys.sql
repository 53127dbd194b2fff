-- Status updates keyed by the request that gave them, so processing that request again finds the update it made
-- instead of publishing a second one. Updates stored before this have no request to name: their row id keeps them apart.
ALTER TABLE status_updates ADD COLUMN update_key TEXT NOT NULL DEFAULT '';
UPDATE status_updates SET update_key = 'earlier:' || id;
CREATE UNIQUE INDEX ux_status_updates_key ON status_updates (incident_id, update_key);
