-- The caller's id of the message a turn answered (converse/guidance message_id, REST
-- Idempotency-Key): a message id sent again returns the stored turn. Not unique: a turn
-- that gave no reply is retried under the same id.
ALTER TABLE turns ADD COLUMN message_id VARCHAR(100);
CREATE INDEX turns_message_id ON turns (tenant_id, session_id, message_id);
