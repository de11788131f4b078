package io.scimbus.testsupport.hostile;

import io.scimbus.core.ScimUrns;
import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The state of generating one request: its index, its own random source, and the tenant it goes to. Helpers build
 * the request lines, headers and bodies every family needs.
 */
final class Gen {
  static final String SCIM_JSON = "application/scim+json";

  final long index;
  final Random random;
  final HostileTargets targets;
  final HostileTargets.Tenant tenant;
  /** True when the request goes to the lenient tenant: its expectation becomes {@link Expect#ANY}. */
  final boolean lenient;

  Gen(long index, Random random, HostileTargets targets, boolean lenient) {
    this.index = index;
    this.random = random;
    this.targets = targets;
    this.lenient = lenient;
    this.tenant = lenient ? targets.lenient() : targets.hostile();
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** The SCIM path of this request's tenant, e.g. {@code /scim/v2/t-1/Users}. */
  String scim(String path) {
    return scimOf(tenant, path);
  }

  String scimOf(HostileTargets.Tenant of, String path) {
    return targets.gateway() + "/" + of.id() + path;
  }

  String userId() {
    return pick(tenant.userIds());
  }

  String groupId() {
    return pick(tenant.groupIds());
  }

  /** A userName no earlier request used, so a wrongly accepted create is a new row, never a uniqueness conflict. */
  String userName() {
    return "fz" + index + "-" + random.nextInt(1_000_000) + "@fuzz.example";
  }

  JsonObject user() {
    String userName = userName();
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.USER))
        .put("userName", userName)
        .put("displayName", "Fuzz " + index)
        .put("active", true)
        .put("emails", new JsonArray().add(new JsonObject().put("value", userName).put("type", "work")
            .put("primary", true)));
  }

  JsonObject group() {
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.GROUP))
        .put("displayName", "Fuzz group " + index)
        .put("members", new JsonArray().add(new JsonObject().put("value", userId())));
  }

  static JsonObject patch(JsonObject... operations) {
    JsonArray ops = new JsonArray();
    for (JsonObject operation : operations) {
      ops.add(operation);
    }
    return new JsonObject().put("schemas", new JsonArray().add(ScimUrns.PATCH_OP)).put("Operations", ops);
  }

  static JsonObject op(String op, String path, Object value) {
    JsonObject operation = new JsonObject().put("op", op);
    if (path != null) {
      operation.put("path", path);
    }
    return value == null ? operation : operation.put("value", value);
  }

  static byte[] bytes(Object json) {
    return (json instanceof String text ? text : Json.encode(json)).getBytes(StandardCharsets.UTF_8);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** A SCIM request with this tenant's token; a body is sent as {@code application/scim+json}. */
  WireRequest request(String kase, Expect expect, String method, String target, byte[] body, String... extra) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + tenant.token(),
        "Accept", SCIM_JSON));
    if (body != null && !List.of(extra).contains("Content-Type")) {
      headers.add("Content-Type");
      headers.add(SCIM_JSON);
    }
    headers.addAll(List.of(extra));
    return raw(kase, expect, method, target.getBytes(StandardCharsets.ISO_8859_1), body, headers);
  }

  /** A request with exactly these headers (no token unless given). */
  WireRequest raw(String kase, Expect expect, String method, byte[] target, byte[] body, List<String> headers) {
    Expect effective = lenient && expect != Expect.READ ? Expect.ANY : expect;
    return new WireRequest(index, (lenient ? "[lenient] " : "") + kase, effective, method, target, List.copyOf(headers),
        body);
  }
}
