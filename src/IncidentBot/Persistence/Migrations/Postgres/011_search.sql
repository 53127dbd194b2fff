-- Full-text search over each incident as one document: its title, root cause, verification and live timeline entries
-- (deleted replies are left out), matched as an English tsvector at query time (see SqlIncidentSearch).
CREATE VIEW incident_documents AS
SELECT i.id,
       i.title || ' ' || COALESCE(i.root_cause, '') || ' ' || COALESCE(i.verification, '') || ' '
       || COALESCE((SELECT string_agg(t.text, ' ' ORDER BY t.id) FROM timeline t WHERE t.incident_id = i.id AND t.deleted = 0), '') AS document
FROM incidents i;
