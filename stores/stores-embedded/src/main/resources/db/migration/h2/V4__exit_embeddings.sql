-- Embeddings of the plain-language exit conditions of scenarios and steps, keyed
-- "<step id or empty>|<condition>". Scenarios stored before have none.
ALTER TABLE scenarios ADD COLUMN exit_embeddings CLOB NOT NULL DEFAULT '{}';
