-- A claim asks "is anything older still unfinished in this thread?" for the request it takes. With only
-- (ordering_key, id) that question read every earlier request of the thread, finished ones too, so claims in a busy
-- thread grew slower with each reply and held the SQLite writer while doing so. Only unfinished rows are indexed here.
CREATE INDEX ix_inbox_unfinished ON inbox (ordering_key, id) WHERE status IN ('pending', 'processing');
