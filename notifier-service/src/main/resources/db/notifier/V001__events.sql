-- The processed-event log: one row per consumed event id, so a redelivered event has no second effect.
CREATE TABLE notifier_events (
  event_id    uuid        PRIMARY KEY,
  tenant_id   text        NOT NULL,
  type        text        NOT NULL,
  resource_id text        NOT NULL,
  payload     jsonb       NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifier_events_tenant ON notifier_events (tenant_id, received_at);
