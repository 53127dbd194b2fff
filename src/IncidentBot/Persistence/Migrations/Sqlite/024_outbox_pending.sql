-- The outbox senders claim the oldest sendable messages many times a second, and the only index was
-- (status, ordering_key, id): a claim tested every pending message and sorted them to return the oldest few, so the
-- longer the backlog, the more each claim cost (and on SQLite held the write lock the acknowledgements wait for).
-- These two hold only the pending messages (they shrink as messages are sent): the first lets a claim walk them
-- oldest first and stop after the few it takes; the second finds a message's predecessor in its ordering key, and
-- each key's head, without visiting other keys. Outbox.cs spells `status = 'pending'` as these do, so both are used.
CREATE INDEX ix_outbox_pending ON outbox (platform, id) WHERE status = 'pending';
CREATE INDEX ix_outbox_pending_key ON outbox (platform, ordering_key, id) WHERE status = 'pending';
