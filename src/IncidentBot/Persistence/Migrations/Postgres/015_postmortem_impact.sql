-- What the impact was, in people's words, written on the dashboard for the postmortem (root cause and resolution
-- have their columns since 005).
ALTER TABLE incidents ADD COLUMN impact TEXT;
