-- Tenants: the id is the slug in every SCIM URL. A deleted tenant keeps its row (deleted_at) so its id is never
-- handed to another customer and its provisioning log stays readable to operators.
CREATE TABLE tenants (
  id           text        PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{3,63}$'),
  display_name text        NOT NULL,
  profile      jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz
);

-- Tenant tokens: the id is the JWT jti. The secret is never stored; the gateway signs it once.
CREATE TABLE tenant_tokens (
  id          uuid        PRIMARY KEY,
  tenant_id   text        NOT NULL REFERENCES tenants (id),
  description text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX tenant_tokens_tenant ON tenant_tokens (tenant_id, created_at);

-- Every SCIM write as the gateway answered it; entry_id makes the Kafka consumer idempotent.
CREATE TABLE provisioning_log (
  id            bigserial   PRIMARY KEY,
  entry_id      uuid        NOT NULL UNIQUE,
  tenant_id     text        NOT NULL,
  at            timestamptz NOT NULL,
  request_id    text,
  method        text        NOT NULL,
  operation     text        NOT NULL,
  resource_type text        NOT NULL,
  resource_id   text,
  status        int         NOT NULL,
  outcome       text,
  user_name     text
);
CREATE INDEX provisioning_log_tenant_at ON provisioning_log (tenant_id, at DESC);
CREATE INDEX provisioning_log_tenant_resource ON provisioning_log (tenant_id, resource_id, at DESC);
