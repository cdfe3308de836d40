-- Every published state of an agent's configuration, immutable: the export document with
-- its author and a summary. The primary key refuses a number taken by a concurrent publish.
CREATE TABLE agent_versions (
	tenant_id VARCHAR(63) NOT NULL,
	agent_id VARCHAR(100) NOT NULL,
	version_number BIGINT NOT NULL,
	author VARCHAR(200) NOT NULL,
	summary VARCHAR(500) NOT NULL,
	created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	document CLOB NOT NULL,
	PRIMARY KEY (tenant_id, agent_id, version_number)
);
