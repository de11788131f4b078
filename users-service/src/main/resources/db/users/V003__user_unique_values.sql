-- Values a tenant's profile declares unique (e.g. the work email), one row per value, so PostgreSQL enforces
-- uniqueness per tenant under concurrency. Values are lower-cased by the service.
CREATE TABLE scim_user_unique_values (
  tenant_id text NOT NULL,
  rule      text NOT NULL,
  value     text NOT NULL,
  user_id   uuid NOT NULL,
  PRIMARY KEY (tenant_id, rule, value),
  FOREIGN KEY (tenant_id, user_id) REFERENCES scim_users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX scim_user_unique_values_user ON scim_user_unique_values (tenant_id, user_id);
