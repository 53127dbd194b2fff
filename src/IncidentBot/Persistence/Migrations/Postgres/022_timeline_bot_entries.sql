-- A button press reads the incident's own entries (pages, acknowledgements, handoffs, decisions) several times, and a
-- busy incident's timeline is mostly thread replies: tens of thousands in a storm. PostgreSQL scanned the whole
-- table for that read (an index on (incident_id, kind) goes unused, `<>` being no range). This index holds only the
-- entries that are not messages, in timeline order, so that read (SqlIncidentStore.BotEntries, whose WHERE spells
-- `kind <> 'message'` as this does) costs what the bot wrote, whatever people wrote.
CREATE INDEX ix_timeline_bot_entries ON timeline (incident_id, at, id) WHERE kind <> 'message';
