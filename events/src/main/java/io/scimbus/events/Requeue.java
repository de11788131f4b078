package io.scimbus.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/** How a service puts a dead letter back on the queue it came from. */
public interface Requeue {
  /** Runs inside the transaction that removes the dead letter: when it fails, the dead letter stays. */
  Future<Void> requeue(SqlClient tx, DeadLetterStore.DeadLetter letter);

  /** After that transaction committed. */
  default void committed() {
  }
}
