-- An interlocutor's sessions are found for its export and erasure; turns and traces older than a
-- tenant's retention are purged by time.
CREATE INDEX sessions_by_interlocutor ON sessions (tenant_id, interlocutor_id);
CREATE INDEX turns_by_time ON turns (tenant_id, occurred_at);
CREATE INDEX traces_by_time ON traces (tenant_id, occurred_at);
CREATE INDEX traces_by_session ON traces (tenant_id, session_id);
