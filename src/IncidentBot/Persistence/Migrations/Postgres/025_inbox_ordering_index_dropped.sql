-- Since 018 every question the inbox asks by thread (is an older request of this thread unfinished? which requests
-- follow the head?) is about unfinished requests, and ix_inbox_unfinished answers it; nothing read (ordering_key, id)
-- any more, yet every request stored was written into it too. One index less to write per acknowledgement.
DROP INDEX IF EXISTS ix_inbox_ordering;
