-- A row Kafka refuses for itself counts its attempts here; at SCIMBUS_QUEUE_MAX_ATTEMPTS it moves to dead letters.
ALTER TABLE users_outbox
  ADD COLUMN attempts        int NOT NULL DEFAULT 0,
  ADD COLUMN last_error      text,
  ADD COLUMN first_failed_at timestamptz,
  ADD COLUMN last_failed_at  timestamptz;

-- Records a queue of this service gave up on (see OutboxRelay and CommittingConsumer), kept for operators to read
-- and replay through the admin API. payload is bytes so that even a record PostgreSQL refuses as text can be kept.
CREATE TABLE users_dead_letters (
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
CREATE INDEX users_dead_letters_tenant ON users_dead_letters (tenant_id, id);
