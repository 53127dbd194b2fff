-- Nothing to change on PostgreSQL: its search documents are built when searched (migration 011), not on each write.
-- SQLite's 020 stops re-indexing an incident's whole document for every new timeline row.
SELECT 1;
