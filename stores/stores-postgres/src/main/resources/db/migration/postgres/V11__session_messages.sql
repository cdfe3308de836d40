-- The messages of a session under merge or supersede accumulation, kept from their arrival until a turn
-- answers them (turn set in the transaction that records that turn): a burst split across instances loses
-- no message, and a message id sent again finds the turn that answered it (docs/brain.md, Fabric).
CREATE TABLE session_messages (
	tenant_id VARCHAR(63) NOT NULL,
	session_id VARCHAR(200) NOT NULL,
	message_id VARCHAR(100) NOT NULL,
	message TEXT NOT NULL,
	received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	turn INTEGER,
	PRIMARY KEY (tenant_id, session_id, message_id)
);
CREATE INDEX session_messages_pending ON session_messages (tenant_id, session_id, turn, received_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON session_messages TO ${appRole};

ALTER TABLE session_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY session_messages_tenant_isolation ON session_messages
	USING (tenant_id = current_setting('ruche.tenant', true))
	WITH CHECK (tenant_id = current_setting('ruche.tenant', true));
