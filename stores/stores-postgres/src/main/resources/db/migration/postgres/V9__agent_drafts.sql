-- The draft of an agent's configuration (at most one per agent): the export document as edited,
-- the published version it started from, and a revision that makes each edit and the publish
-- optimistic.
CREATE TABLE agent_drafts (
	tenant_id VARCHAR(63) NOT NULL,
	agent_id VARCHAR(100) NOT NULL,
	base_version BIGINT NOT NULL,
	revision BIGINT NOT NULL,
	author VARCHAR(200) NOT NULL,
	updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	document TEXT NOT NULL,
	PRIMARY KEY (tenant_id, agent_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON agent_drafts TO ${appRole};

ALTER TABLE agent_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_drafts FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_drafts_tenant_isolation ON agent_drafts
	USING (tenant_id = current_setting('ruche.tenant', true))
	WITH CHECK (tenant_id = current_setting('ruche.tenant', true));
