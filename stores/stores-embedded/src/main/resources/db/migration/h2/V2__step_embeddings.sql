-- Embeddings of each step's description, for relocalization by meaning. Scenarios stored
-- before have none until their next upsert.
ALTER TABLE scenarios ADD COLUMN step_embeddings CLOB NOT NULL DEFAULT '{}';
