-- The trigger re-indexed an incident's whole search document (title and every live timeline entry) after each new
-- timeline row, so a burst of N replies in a busy incident cost N re-indexings of an ever longer document, while holding
-- SQLite's single writer. The store now re-indexes the document once per write that adds entries (SqlIncidentStore).
DROP TRIGGER incident_search_timeline_insert;
