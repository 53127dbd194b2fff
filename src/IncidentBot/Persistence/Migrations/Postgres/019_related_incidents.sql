-- Incidents linked by hand with `related` (an earlier one recurring, say). Each link is stored in both directions, so
-- "what is related to INC-n" is one indexed lookup either way; the pair is the key, so linking again adds nothing.
CREATE TABLE incident_links (
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    related_id BIGINT NOT NULL REFERENCES incidents (id),
    linked_by TEXT NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (incident_id, related_id),
    CHECK (incident_id <> related_id)
);
