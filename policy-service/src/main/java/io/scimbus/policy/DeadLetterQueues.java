package io.scimbus.policy;

import io.scimbus.contract.Topics;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.events.Requeue;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/**
 * Policy-service keeps one dead-letter table for its three queues: the provisioning-log consumer, the portal
 * behaviours' consumer and the portal events' outbox relay. A replayed letter goes back to the queue it came from.
 */
final class DeadLetterQueues implements Requeue {
  private final Requeue logConsumer;
  private final Requeue eventConsumer;
  private final Requeue relay;

  DeadLetterQueues(Requeue logConsumer, Requeue eventConsumer, Requeue relay) {
    this.logConsumer = logConsumer;
    this.eventConsumer = eventConsumer;
    this.relay = relay;
  }

  @Override
  public Future<Void> requeue(SqlClient tx, DeadLetterStore.DeadLetter letter) {
    return switch (letter.queue()) {
      case Topics.PROVISIONING_LOG -> logConsumer.requeue(tx, letter);
      case Topics.USER_EVENTS, Topics.GROUP_EVENTS -> eventConsumer.requeue(tx, letter);
      default -> relay.requeue(tx, letter);
    };
  }

  /** Wakes the relay, which publishes a letter put back into the outbox; the consumers' replays are sent already. */
  @Override
  public void committed() {
    relay.committed();
  }
}
