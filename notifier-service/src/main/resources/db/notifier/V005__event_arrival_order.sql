-- received_at is the transaction's start, so every event of one consumed Kafka batch shares it and a listing ordered
-- by it alone puts a batch in event-id order. seq records the order the events were consumed in. Rows recorded before
-- this migration get theirs in an unspecified order.
ALTER TABLE notifier_events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX notifier_events_tenant_seq ON notifier_events (tenant_id, seq);
