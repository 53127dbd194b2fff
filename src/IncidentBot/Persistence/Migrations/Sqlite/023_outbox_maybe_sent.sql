-- Whether an earlier attempt at a message may have reached its destination: it was taken over from a claim that never
-- finished (a crash, a stuck send, a result that could not be recorded), or an attempt ended in a way that does not
-- say (a timeout, a reset connection, a 5xx). Only then does a retry look for the message before sending it again
-- (Slack posts, Statuspage creations), so a rate-limited message is retried without a look-up of its own.
ALTER TABLE outbox ADD COLUMN maybe_sent INTEGER NOT NULL DEFAULT 0;

-- Messages already retried were looked for before this column; keep doing so for them.
UPDATE outbox SET maybe_sent = 1 WHERE status = 'pending' AND attempts > 0;
