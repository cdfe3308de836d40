-- Settings a tenant's admins choose (PUT /api/tenant/settings), as a JSON object; a missing key means its
-- default, so tenants created before start with every default.
ALTER TABLE tenants ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
