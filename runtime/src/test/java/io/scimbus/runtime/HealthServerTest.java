package io.scimbus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.healthchecks.HealthChecks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /health/live} follows the event loops: DOWN while one is blocked, UP again once it runs. */
class HealthServerTest {
  private static final Duration THRESHOLD = Duration.ofMillis(300);
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void livenessFailsWhileAnEventLoopIsBlockedAndRecovers() throws Exception {
    ContextInternal serverContext = ((VertxInternal) vertx).createEventLoopContext();
    // The probe is served on this context's loop; the test blocks the other one.
    Promise<HttpServer> started = Promise.promise();
    serverContext.runOnContext(v -> HealthServer.start(vertx, 0, HealthChecks.create(vertx), THRESHOLD)
        .onComplete(started));
    HttpServer server = started.future().await();
    URI live = URI.create("http://127.0.0.1:" + server.actualPort() + HealthServer.LIVE);
    assertEquals(200, awaitStatus(live, 200));

    CountDownLatch release = new CountDownLatch(1);
    otherLoop(serverContext.nettyEventLoop()).execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      HttpResponse<String> down = awaitResponse(live, 503);
      assertTrue(down.body().contains("eventLoop"), down.body());
    } finally {
      release.countDown();
    }
    assertEquals(200, awaitStatus(live, 200), "live again once the loop runs");
  }

  private EventExecutor otherLoop(EventLoop serverLoop) {
    for (EventExecutor loop : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      if (loop != serverLoop) {
        return loop;
      }
    }
    throw new IllegalStateException("one event loop only");
  }

  private int awaitStatus(URI uri, int status) throws Exception {
    return awaitResponse(uri, status).statusCode();
  }

  private HttpResponse<String> awaitResponse(URI uri, int status) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(PATIENCE).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == status || System.nanoTime() > deadline) {
        assertEquals(status, response.statusCode(), response.body());
        return response;
      }
      Thread.sleep(20);
    }
  }
}
