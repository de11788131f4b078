package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.devstack.Eventually;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A tenant's webhook endpoints through the admin API, as an operator calls it. */
final class Webhooks {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  /** An endpoint just created: its id and the secret only the create answer shows. */
  record Registered(String id, String secret) {
  }

  private final ScimClient admin;
  private final String base;

  Webhooks(ScimbusCluster cluster, String tenant) {
    this.admin = cluster.admin();
    this.base = "/tenants/" + tenant + "/webhooks";
  }

  /** Registers {@code url} for {@code eventTypes}, or for every type when none are given. */
  Registered register(String url, String... eventTypes) {
    JsonObject body = new JsonObject().put("url", url);
    if (eventTypes.length > 0) {
      body.put("eventTypes", new JsonArray(List.of(eventTypes)));
    }
    Response created = admin.post(base, body);
    assertEquals(201, created.status(), created.toString());
    return new Registered(created.json().getString("id"), created.json().getString("secret"));
  }

  JsonObject get(String id) {
    Response found = admin.get(base + "/" + id);
    assertEquals(200, found.status(), found.toString());
    return found.json();
  }

  /** The endpoint once {@code done} holds for it (deliveries settle after the receiver has answered). */
  JsonObject await(String id, Predicate<JsonObject> done) {
    return Eventually.await(PATIENCE, () -> get(id), done);
  }

  /** The endpoint once nothing waits for delivery to it. */
  JsonObject awaitSettled(String id) {
    return await(id, endpoint -> endpoint.getLong("pendingDeliveries") == 0);
  }

  /** The delivery log, newest first; {@code query} as {@link ScimClient#query} writes it, or empty. */
  JsonObject deliveries(String id, String query) {
    Response log = admin.get(base + "/" + id + "/deliveries" + query);
    assertEquals(200, log.status(), log.toString());
    return log.json();
  }

  Response rotateSecret(String id) {
    return admin.post(base + "/" + id + "/rotate-secret", new JsonObject());
  }

  Response replay(String id, JsonObject body) {
    return admin.post(base + "/" + id + "/replay", body);
  }

  /** 202 with how many deliveries the replay queued. */
  int replayed(String id, JsonObject body) {
    Response queued = replay(id, body);
    assertEquals(202, queued.status(), queued.toString());
    return queued.json().getInteger("queued");
  }

  Response test(String id) {
    return admin.post(base + "/" + id + "/test", new JsonObject());
  }

  Response update(String id, JsonObject changes) {
    return admin.patch(base + "/" + id, changes);
  }

  Response delete(String id) {
    return admin.delete(base + "/" + id);
  }
}
