package io.scimbus.events;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;

/** A verticle owning one {@link WorkQueue}, as a service replica would: the queue lives on its event loop. */
final class QueueHost extends VerticleBase {
  private final WorkQueue.Settings settings;
  private final WorkQueue.Worker worker;
  private Pool pool;
  private WorkQueue queue;

  QueueHost(WorkQueue.Settings settings, WorkQueue.Worker worker) {
    this.settings = settings;
    this.worker = worker;
  }

  @Override
  public Future<?> start() {
    pool = TestDatabase.pool(vertx);
    queue = new WorkQueue(vertx, pool, settings, worker);
    queue.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    queue.stop();
    return pool.close();
  }
}
