-- Nothing to change on PostgreSQL: its search documents are built when searched (migration 011), not on each write.
-- SQLite's 021 marks an incident stale on a timeline change and re-indexes it when a search runs.
SELECT 1;
