-- Teams: what proactive messages need and only inbound activities tell (protocols.md T4, "store a conversation
-- reference"): the serviceUrl and tenant of each tenant, channel and person seen, and people's names and Entra ids,
-- so a page or a stakeholder update can be sent to someone who has not written to the bot since a restart.
CREATE TABLE teams_refs (
    ref_key TEXT PRIMARY KEY,
    tenant_id TEXT NULL,
    service_url TEXT NOT NULL,
    name TEXT NULL,
    aad_object_id TEXT NULL,
    seen_at BIGINT NOT NULL
);

CREATE INDEX teams_refs_aad ON teams_refs (aad_object_id);
