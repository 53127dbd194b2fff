-- A button press reads the incident's own entries (pages, acknowledgements, handoffs, decisions) several times, and a
-- busy incident's timeline is mostly thread replies: tens of thousands in a storm. Reading the bot's entries through
-- the (incident_id, source_id) index still visited every reply and sorted what was left. This index holds only the
-- entries that are not messages, in timeline order, so that read (SqlIncidentStore.BotEntries, whose WHERE spells
-- `kind <> 'message'` as this does) costs what the bot wrote, whatever people wrote.
CREATE INDEX ix_timeline_bot_entries ON timeline (incident_id, at, id) WHERE kind <> 'message';
