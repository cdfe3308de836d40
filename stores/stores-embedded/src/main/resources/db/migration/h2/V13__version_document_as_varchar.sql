-- The version documents are read through a Spring Data JDBC repository too: CHARACTER VARYING rather than CLOB,
-- for the reason V7 gives (same maximum length in H2 2.x).
ALTER TABLE agent_versions ALTER COLUMN document SET DATA TYPE CHARACTER VARYING;
