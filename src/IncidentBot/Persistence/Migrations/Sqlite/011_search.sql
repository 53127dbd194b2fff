-- Full-text search over each incident as one document: its title, root cause, verification and live timeline entries
-- (deleted replies are left out). FTS5 with the Porter stemmer, kept current by triggers, so "timeouts" finds "timeout".
CREATE VIEW incident_documents AS
SELECT i.id,
       i.title || ' ' || COALESCE(i.root_cause, '') || ' ' || COALESCE(i.verification, '') || ' '
       || COALESCE((SELECT group_concat(t.text, ' ') FROM timeline t WHERE t.incident_id = i.id AND t.deleted = 0), '') AS document
FROM incidents i;

CREATE VIRTUAL TABLE incident_search USING fts5(document, tokenize = 'porter unicode61');

CREATE TRIGGER incident_search_incident_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incident_search (rowid, document) SELECT id, document FROM incident_documents WHERE id = new.id;
END;

CREATE TRIGGER incident_search_incident_update AFTER UPDATE OF title, root_cause, verification ON incidents BEGIN
    DELETE FROM incident_search WHERE rowid = new.id;
    INSERT INTO incident_search (rowid, document) SELECT id, document FROM incident_documents WHERE id = new.id;
END;

CREATE TRIGGER incident_search_timeline_insert AFTER INSERT ON timeline BEGIN
    DELETE FROM incident_search WHERE rowid = new.incident_id;
    INSERT INTO incident_search (rowid, document) SELECT id, document FROM incident_documents WHERE id = new.incident_id;
END;

CREATE TRIGGER incident_search_timeline_update AFTER UPDATE OF text, deleted ON timeline BEGIN
    DELETE FROM incident_search WHERE rowid = new.incident_id;
    INSERT INTO incident_search (rowid, document) SELECT id, document FROM incident_documents WHERE id = new.incident_id;
END;

INSERT INTO incident_search (rowid, document) SELECT id, document FROM incident_documents;
