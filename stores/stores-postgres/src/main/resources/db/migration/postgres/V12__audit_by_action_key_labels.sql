-- The audit log read by action (GET /api/audit?category=configuration): the configuration
-- changes of a tenant without scanning its turns and tool calls.
CREATE INDEX audit_log_by_action ON audit_log (tenant_id, action, occurred_at);

-- A label an admin gives a key ("support chatbot"), shown in the console beside its id.
ALTER TABLE api_keys ADD COLUMN label VARCHAR(100);
