package io.scimbus.runtime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.ScimReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router refuses a request whose sender has stopped waiting, before the action does any work. */
class ActionRouterTest {
  private static final String ADDRESS = "test.service";
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger handled = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aRequestPastItsDeadlineIs503WithoutWork() {
    register();
    ReplyException refused = assertThrows(ReplyException.class,
        () -> send(System.currentTimeMillis() - 1).await());
    assertEquals(503, refused.failureCode());
    assertEquals(0, handled.get(), "the action never ran");
  }

  @Test
  void aRequestWithinItsDeadlineRunsAndSeesIt() {
    register();
    JsonObject reply = send(System.currentTimeMillis() + 60_000).await().body();
    assertEquals(1, handled.get());
    long remaining = reply.getJsonObject("body").getLong("remainingMs");
    assertTrue(remaining > 50_000 && remaining <= 60_000 - Deadline.MARGIN_MS, "remaining " + remaining);
  }

  private void register() {
    new ActionRouter().on("act", request -> {
      handled.incrementAndGet();
      return Future.succeededFuture(ScimReply.ok(
          new JsonObject().put("remainingMs", request.deadline().remainingMillis()), null));
    }).register(vertx.eventBus(), ADDRESS).await();
  }

  private Future<Message<JsonObject>> send(long deadlineEpochMillis) {
    DeliveryOptions options = new DeliveryOptions().addHeader(BusHeaders.ACTION, "act")
        .addHeader(BusHeaders.TENANT, "t1").addHeader(BusHeaders.DEADLINE, Long.toString(deadlineEpochMillis));
    return vertx.eventBus().request(ADDRESS, new JsonObject(), options);
  }
}
