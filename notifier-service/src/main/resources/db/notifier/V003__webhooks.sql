-- Events whose effects were applied (IdempotentHandler): a redelivered event is skipped in the same transaction.
CREATE TABLE notifier_processed_events (
  event_id     uuid        PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);

-- A tenant's webhook endpoints. Secrets are AES-GCM ciphertexts ("kid:base64(iv|ciphertext)"), never plain text.
CREATE TABLE webhook_endpoints (
  id                         uuid        PRIMARY KEY,
  tenant_id                  text        NOT NULL,
  url                        text        NOT NULL,
  event_types                text[],     -- NULL: every event type
  description                text        NOT NULL DEFAULT '',
  enabled                    boolean     NOT NULL DEFAULT true,
  disabled_reason            text,
  secret                     text        NOT NULL,
  previous_secret            text,       -- still signs, beside the new one, until previous_secret_expires_at
  previous_secret_expires_at timestamptz,
  failing_since              timestamptz, -- first failure since the last success
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints (tenant_id, created_at);

-- Deliveries to make: a WorkQueue table. One resource's events to one endpoint share an ordering key (so they
-- arrive in order); the endpoint is the group (so a slow endpoint holds only its share of the workers).
CREATE TABLE webhook_deliveries (
  id              bigserial   PRIMARY KEY,
  ordering_key    text        NOT NULL,
  group_key       text        NOT NULL,
  state           text        NOT NULL DEFAULT 'pending',
  attempts        int         NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  last_error      text,
  event_id        uuid        NOT NULL,
  endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_key ON webhook_deliveries (ordering_key, id) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_group ON webhook_deliveries (group_key) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, state);

-- Every delivery attempt, for the delivery log.
CREATE TABLE webhook_attempts (
  id          bigserial   PRIMARY KEY,
  endpoint_id uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id    uuid        NOT NULL,
  event_type  text        NOT NULL,
  attempt     int         NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  success     boolean     NOT NULL,
  http_status int,
  error       text,       -- timeout, connection-refused, tls, redirect, dns, blocked-address, connection
  latency_ms  int         NOT NULL,
  response    text        -- the first 1 KB of the response body
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, id);
CREATE INDEX webhook_attempts_event ON webhook_attempts (endpoint_id, event_id);
