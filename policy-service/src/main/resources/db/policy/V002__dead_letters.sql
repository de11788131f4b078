-- Records a queue of this service gave up on (see OutboxRelay and CommittingConsumer), kept for operators to read
-- and replay through the admin API. payload is bytes so that even a record PostgreSQL refuses as text can be kept.
CREATE TABLE policy_dead_letters (
  id              bigserial   PRIMARY KEY,
  queue           text        NOT NULL,
  tenant_id       text,
  record_key      text,
  payload         bytea       NOT NULL,
  error           text        NOT NULL,
  attempts        int         NOT NULL,
  first_failed_at timestamptz NOT NULL,
  last_failed_at  timestamptz NOT NULL
);
CREATE INDEX policy_dead_letters_tenant ON policy_dead_letters (tenant_id, id);
