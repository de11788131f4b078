package io.scimbus.testsupport.hostile;

import static io.scimbus.testsupport.hostile.Gen.bytes;
import static io.scimbus.testsupport.hostile.Gen.op;
import static io.scimbus.testsupport.hostile.Gen.patch;

import io.scimbus.core.ScimUrns;
import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Hostile {@code POST /Bulk} requests: malformed envelopes (refused whole), and well-formed requests whose every
 * operation must fail: circular, self and dangling {@code bulkId} references, invalid data, absent resources.
 */
final class BulkFamily {
  private BulkFamily() {
  }

  static JsonObject envelope(JsonArray operations) {
    return new JsonObject().put("schemas", new JsonArray().add(ScimUrns.BULK_REQUEST)).put("Operations", operations);
  }

  /** A bulk request that would create one user: refused only for something outside its body. */
  static JsonObject valid(Gen g) {
    return envelope(new JsonArray().add(post("/Users", "u" + g.index, g.user())));
  }

  static WireRequest bulk(Gen g) {
    if (g.chance(35)) {
      return malformed(g);
    }
    int count = 1 + g.random.nextInt(g.chance(20) ? 20 : 5);
    JsonArray operations = new JsonArray();
    StringBuilder kinds = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String kind = failing(g, operations, i);
      if (kinds.indexOf(kind) < 0) {
        kinds.append(kinds.length() == 0 ? "" : ", ").append(kind);
      }
    }
    JsonObject body = envelope(operations);
    if (g.chance(20)) {
      body.put("failOnErrors", 1 + g.random.nextInt(3));
    }
    return g.request("failing bulk operations (" + kinds + ")", Expect.REFUSE_EACH_OPERATION, "POST",
        g.scim("/Bulk"), bytes(body));
  }

  /** Appends one or more operations that must fail; returns the kind, for the case name. */
  private static String failing(Gen g, JsonArray operations, int i) {
    String a = "a" + i;
    String b = "b" + i;
    switch (g.random.nextInt(9)) {
      case 0 -> {
        operations.add(post("/Groups", a, group("bulkId:" + b)));
        operations.add(post("/Groups", b, group("bulkId:" + a)));
        return "circular pair";
      }
      case 1 -> {
        String c = "c" + i;
        operations.add(post("/Groups", a, group("bulkId:" + b)));
        operations.add(post("/Groups", b, group("bulkId:" + c)));
        operations.add(post("/Groups", c, group("bulkId:" + a)));
        return "circular triple";
      }
      case 2 -> {
        operations.add(post("/Groups", a, group("bulkId:" + a)));
        return "self reference";
      }
      case 3 -> {
        operations.add(post("/Groups", a, group("bulkId:nosuch" + i)));
        return "dangling member reference";
      }
      case 4 -> {
        String method = g.pick("PUT", "PATCH", "DELETE");
        JsonObject operation = new JsonObject().put("method", method).put("path", g.pick("/Users/", "/Groups/")
            + "bulkId:nosuch" + i);
        if (!method.equals("DELETE")) {
          operation.put("data", method.equals("PUT") ? g.user() : patch(op("replace", "displayName", "x")));
        }
        operations.add(operation);
        return "dangling path reference";
      }
      case 5 -> {
        JsonObject user = g.user();
        user.put(g.pick(ScimFamilies.USER_STRINGS), g.pick(5, true, new JsonArray().add("x"), "a\u0000b"));
        operations.add(post("/Users", a, user));
        return "invalid user data";
      }
      case 6 -> {
        operations.add(new JsonObject().put("method", "PATCH").put("path", "/Users/" + g.userId())
            .put("data", patch(op("replace", g.pick("id", "meta.created", "nosuch", "groups"), "x"))));
        return "invalid PATCH of an existing user";
      }
      case 7 -> {
        operations.add(new JsonObject().put("method", "DELETE").put("path", g.pick("/Users/", "/Groups/")
            + Gen.uuid(g.random)));
        return "DELETE of an absent resource";
      }
      default -> {
        operations.add(new JsonObject().put("method", "PUT").put("path", "/Users/" + g.userId())
            .put("data", g.user().put("userName", 5)));
        return "PUT with a wrong type";
      }
    }
  }

  private static WireRequest malformed(Gen g) {
    JsonObject good = post("/Users", "u", g.user());
    Object[] choice = g.pick(List.of(
        new Object[] {"no schemas", new JsonObject().put("Operations", new JsonArray().add(good))},
        new Object[] {"wrong schemas", envelope(new JsonArray().add(good)).put("schemas", new JsonArray().add("x"))},
        new Object[] {"no Operations", envelope(new JsonArray()).put("Operations", (Object) null)},
        new Object[] {"Operations not an array", envelope(new JsonArray()).put("Operations", "x")},
        new Object[] {"Operations [5]", envelope(new JsonArray().add(good).add(5))},
        new Object[] {"method missing",
            envelope(new JsonArray().add(good).add(new JsonObject().put("path", "/Users")))},
        new Object[] {"method GET", envelope(new JsonArray().add(good).add(good.copy().put("method", "GET")))},
        new Object[] {"method number", envelope(new JsonArray().add(good).add(good.copy().put("method", 5)))},
        new Object[] {"path /Foo", envelope(new JsonArray().add(good).add(good.copy().put("path", "/Foo")))},
        new Object[] {"path too deep", envelope(new JsonArray().add(good).add(good.copy().put("path", "/Users/x/y")))},
        new Object[] {"path number", envelope(new JsonArray().add(good).add(good.copy().put("path", 5)))},
        new Object[] {"POST without bulkId", envelope(new JsonArray().add(good).add(good.copy().put("bulkId",
            (Object) null)))},
        new Object[] {"duplicate bulkId", envelope(new JsonArray().add(good).add(good.copy()))},
        new Object[] {"POST data missing", envelope(new JsonArray().add(good).add(good.copy().put("bulkId", "v")
            .put("data", (Object) null)))},
        new Object[] {"data not an object", envelope(new JsonArray().add(good).add(good.copy().put("bulkId", "v")
            .put("data", "x")))},
        new Object[] {"failOnErrors not a positive integer", envelope(new JsonArray().add(good))
            .put("failOnErrors", g.pick("x", 0, -1, 1.5, new JsonArray()))},
        new Object[] {"bulkId not a string", envelope(new JsonArray().add(good.copy().put("bulkId", 5)))},
        new Object[] {"too many operations", envelope(tooMany())}));
    return g.request("malformed bulk " + choice[0], Expect.REFUSE, "POST", g.scim("/Bulk"), bytes(choice[1]));
  }

  private static JsonArray tooMany() {
    JsonArray operations = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      operations.add(new JsonObject().put("method", "DELETE").put("path", "/Users/x" + i));
    }
    return operations;
  }

  private static JsonObject post(String path, String bulkId, JsonObject data) {
    return new JsonObject().put("method", "POST").put("path", path).put("bulkId", bulkId).put("data", data);
  }

  private static JsonObject group(String memberValue) {
    return new JsonObject().put("schemas", new JsonArray().add(ScimUrns.GROUP)).put("displayName", "Fuzz bulk group")
        .put("members", new JsonArray().add(new JsonObject().put("value", memberValue)));
  }
}
