-- A delivery queue claim reads only the head (oldest pending delivery) of each ordering key, found through an index,
-- so its cost no longer grows with the backlog. The head flag is kept by a trigger on every change of a key's
-- pending rows; an advisory lock per key makes concurrent inserts and completions of one key take turns, so each
-- sees the other's committed rows and a key never ends with no head or two.
ALTER TABLE webhook_deliveries ADD COLUMN head boolean NOT NULL DEFAULT false;

CREATE FUNCTION work_queue_heads() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  queue text := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  key text := CASE WHEN TG_OP = 'DELETE' THEN OLD.ordering_key ELSE NEW.ordering_key END;
  first bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(queue || ' ' || key, 0));
  -- each statement after the lock sees what the key's previous holder committed
  IF TG_OP = 'INSERT' THEN
    -- ids only grow, so a new row is the head only of a key with nothing else pending
    EXECUTE format('UPDATE %s SET head = true WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM %s'
      || ' WHERE ordering_key = $2 AND state = ''pending'' AND id < $1)', queue, queue) USING NEW.id, key;
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT min(id) FROM %s WHERE ordering_key = $1 AND state = ''pending''', queue)
    INTO first USING key;
  EXECUTE format('UPDATE %s SET head = false WHERE ordering_key = $1 AND state = ''pending'' AND head'
    || ' AND id IS DISTINCT FROM $2', queue) USING key, first;
  EXECUTE format('UPDATE %s SET head = true WHERE id = $1 AND NOT head', queue) USING first;
  RETURN NULL;
END
$$;

CREATE TRIGGER webhook_deliveries_heads_added AFTER INSERT OR DELETE ON webhook_deliveries
  FOR EACH ROW EXECUTE FUNCTION work_queue_heads();
CREATE TRIGGER webhook_deliveries_heads_state AFTER UPDATE OF state ON webhook_deliveries
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION work_queue_heads();

UPDATE webhook_deliveries d SET head = true WHERE d.state = 'pending' AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o
  WHERE o.ordering_key = d.ordering_key AND o.state = 'pending' AND o.id < d.id);

CREATE INDEX webhook_deliveries_heads ON webhook_deliveries (group_key, next_attempt_at, id)
  WHERE state = 'pending' AND head;
CREATE INDEX webhook_deliveries_key_head ON webhook_deliveries (ordering_key) WHERE state = 'pending' AND head;
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (group_key)
  WHERE state = 'pending' AND lease_until IS NOT NULL;
