CREATE TABLE scim_users (
  tenant_id     text        NOT NULL,
  id            uuid        NOT NULL,
  user_name     text        NOT NULL,
  external_id   text,
  display_name  text,
  active        boolean,
  resource      jsonb       NOT NULL,
  version       bigint      NOT NULL,
  created       timestamptz NOT NULL,
  last_modified timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- userName is caseExact=false: uniqueness and lookups go through lower()
CREATE UNIQUE INDEX scim_users_user_name ON scim_users (tenant_id, lower(user_name));
CREATE INDEX scim_users_external_id ON scim_users (tenant_id, external_id);

CREATE TABLE users_outbox (
  seq        bigserial   PRIMARY KEY,
  topic      text        NOT NULL,
  record_key text        NOT NULL,
  payload    jsonb       NOT NULL,
  created    timestamptz NOT NULL DEFAULT now()
);
