-- An incident's search document holds its whole timeline, so re-indexing it at every write that adds entries (020) still
-- cost a storm of replies in one busy incident time that grew with the incident, while holding SQLite's single writer.
-- A timeline change now only marks the incident stale (one row, whatever the timeline's length); a search re-indexes
-- the stale incidents first, so it never misses a word, and an incident is indexed once per search instead of per write.
CREATE TABLE incident_search_stale (incident_id INTEGER PRIMARY KEY);

DROP TRIGGER incident_search_timeline_update;

CREATE TRIGGER incident_search_timeline_insert AFTER INSERT ON timeline BEGIN
    INSERT OR IGNORE INTO incident_search_stale (incident_id) VALUES (new.incident_id);
END;

CREATE TRIGGER incident_search_timeline_update AFTER UPDATE OF text, deleted ON timeline BEGIN
    INSERT OR IGNORE INTO incident_search_stale (incident_id) VALUES (new.incident_id);
END;
