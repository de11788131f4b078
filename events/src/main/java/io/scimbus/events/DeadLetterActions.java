package io.scimbus.events;

import io.scimbus.contract.Actions;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** The admin reads and replays of one service's dead letters ({@link Actions#DEAD_LETTERS} and its replay). */
public final class DeadLetterActions {
  private static final int ACCEPTED = 202;

  private final Pool pool;
  private final DeadLetterStore store;
  private final Requeue requeue;

  public DeadLetterActions(Pool pool, DeadLetterStore store, Requeue requeue) {
    this.pool = pool;
    this.store = store;
    this.requeue = requeue;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router.on(Actions.DEAD_LETTERS, this::list).on(Actions.DEAD_LETTER_REPLAY, this::replay);
  }

  private Future<ScimReply> list(BusRequest request) {
    int count = ListQuery.count(request.query());
    return pool.withConnection(conn -> store.count(conn, request.tenant())
        .compose(total -> store.list(conn, request.tenant(), count).map(letters -> new JsonObject()
            .put("totalResults", total)
            .put("Resources", new JsonArray(letters)))))
        .map(body -> ScimReply.ok(body, null));
  }

  private Future<ScimReply> replay(BusRequest request) {
    long id = id(request);
    return pool.withTransaction(tx -> store.take(tx, request.tenant(), id).compose(letter -> letter == null
            ? Future.failedFuture(notFound(request))
            : requeue.requeue(tx, letter)))
        .onSuccess(v -> requeue.committed())
        .map(v -> new ScimReply(ACCEPTED, null, null));
  }

  private static long id(BusRequest request) {
    try {
      return Long.parseLong(request.id());
    } catch (NumberFormatException e) {
      throw notFound(request);
    }
  }

  private static ScimException notFound(BusRequest request) {
    return ScimException.notFound("dead letter " + request.id() + " not found");
  }
}
