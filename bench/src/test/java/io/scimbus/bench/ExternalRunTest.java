package io.scimbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bench/run --base-url ...} against a stand-in SCIM server that records what it was asked. */
class ExternalRunTest {
  private static final String EMPTY_LIST = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
      + "\"totalResults\":0,\"Resources\":[]}";

  private final List<String> received = Collections.synchronizedList(new ArrayList<>());
  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void startServer() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(request -> {
      received.add(URLDecoder.decode(request.uri(), StandardCharsets.UTF_8));
      request.response().putHeader("Content-Type", "application/scim+json").end(EMPTY_LIST);
    }).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stopServer() {
    vertx.close().await();
  }

  /** A cold generator put the first second's p99 at 0.5 to 1.2 s: the measured lookups must follow warm ones. */
  @Test
  void theMeasuredLookupsFollowAWarmUpOfLookupsAtTheSameRate() {
    WorkloadResult result = ExternalRun.run(BenchOptions.parse(new String[] {
        "--base-url", "http://127.0.0.1:" + server.actualPort(), "--token", "t", "--workload", "lookup",
        "--rate", "40", "--rate-seconds", "1", "--warmup-seconds", "1", "--population", "1000"}));

    // on a loaded machine a cold generator may run out of a round's time budget: count what arrived, not 40 each
    List<Long> asked = received.stream().map(ExternalRunTest::lookedUpNumber).toList();
    long measured = asked.stream().filter(n -> n < 40).count();
    assertTrue(measured > 0, "some measured lookups arrived: " + asked);
    assertTrue(asked.get(0) >= 500, "a warm-up lookup comes first: " + asked);
    assertTrue(asked.subList(asked.size() - (int) measured, asked.size()).stream().allMatch(n -> n < 40),
        "then only measured ones: " + asked);
    assertEquals(measured, result.recorder().requests(), "the figures count the measured lookups alone");
  }

  /** n of the {@code user<n>@...} a lookup asks for. */
  private static long lookedUpNumber(String uri) {
    int at = uri.indexOf("\"user") + "\"user".length();
    return Long.parseLong(uri.substring(at, uri.indexOf('@', at)));
  }
}
