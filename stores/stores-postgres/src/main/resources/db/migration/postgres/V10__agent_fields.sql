-- The interlocutor fields an agent declares outside its scenarios (agent_upsert 'fields'), as a JSON object;
-- agents written before declare none.
ALTER TABLE agents ADD COLUMN fields TEXT NOT NULL DEFAULT '{"fields":[]}';
