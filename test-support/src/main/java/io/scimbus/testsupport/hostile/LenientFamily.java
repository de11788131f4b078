package io.scimbus.testsupport.hostile;

import static io.scimbus.testsupport.hostile.Gen.bytes;
import static io.scimbus.testsupport.hostile.Gen.op;
import static io.scimbus.testsupport.hostile.Gen.patch;

import io.scimbus.core.ScimUrns;
import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Edge cases a server may accept or refuse, sent to the lenient tenant only: any answer but a 5xx (and a 4xx
 * without a SCIM error body) is fine, and nothing about its rows is asserted.
 */
final class LenientFamily {
  private static final List<String> UNICODE = List.of("\uD83D\uDE00\uD83D\uDC4D", "\u202Eevil\u202C",
      "e\u0301\u0301\u0301", "\u200B\u200D\uFEFF", "\u00DF\u0130\u0131", "\uD800\uDC00", "\uFFFD\uFFFF",
      "\u0085\u2028\u2029", "\u0007\u001B[31m");

  private LenientFamily() {
  }

  static WireRequest edge(Gen g) {
    switch (g.random.nextInt(12)) {
      case 0 -> {
        String attribute = g.pick("displayName", "title", "nickName", "userName");
        JsonObject user = g.user();
        user.put(attribute, g.pick(UNICODE) + user.getString(attribute, "x"));
        return g.request("unicode or C1 text in POST /Users " + attribute, Expect.ANY, "POST", g.scim("/Users"),
            bytes(user));
      }
      case 1 -> {
        String attribute = g.pick("nickName", "title", "profileUrl");
        JsonObject user = g.user()
            .put(attribute, HostileValues.incompressible(g.random, 3000 + g.random.nextInt(60_000)));
        return g.request("long string in an unindexed attribute POST /Users " + attribute, Expect.ANY, "POST",
            g.scim("/Users"), bytes(user));
      }
      case 2 -> {
        String body = g.user().encode().replaceFirst("\\{", "{\"displayName\":\"first\",");
        return g.request("duplicate key POST /Users", Expect.ANY, "POST", g.scim("/Users"), bytes(body));
      }
      case 3 -> {
        JsonObject user = g.user().put(g.pick("nosuch", "urn:nosuch:ext"), new JsonObject().put("a", 1));
        if (g.chance(50)) {
          user.put("schemas", g.pick(new JsonArray(), new JsonArray().add("urn:nosuch"), "x"));
        }
        return g.request("unknown attributes or schemas POST /Users", Expect.ANY, "POST", g.scim("/Users"),
            bytes(user));
      }
      case 4 -> {
        JsonObject user = g.user().put("active", g.pick("True", "False", "true"))
            .put("schemas", new JsonArray().add(ScimUrns.USER).add(ScimUrns.ENTERPRISE_USER))
            .put(ScimUrns.ENTERPRISE_USER, new JsonObject().put("manager", g.userId()));
        return g.request("Entra leniencies POST /Users", Expect.ANY, "POST", g.scim("/Users"), bytes(user));
      }
      case 5 -> {
        JsonObject body = g.pick(patch(), patch(op("replace", "displayName", "Fuzz")),
            patch(op("replace", null, new JsonObject().put("id", "x").put("meta", new JsonObject()))),
            new JsonObject().put("Operations", new JsonArray().add(op("replace", "displayName", "x"))),
            patch(op("remove", "emails[value eq \"nomatch\"]", null)), patch(op("remove", "userName", null)));
        return g.request("edge PatchOp PATCH /Users/{id}", Expect.ANY, "PATCH", g.scim("/Users/" + g.userId()),
            bytes(body), "If-Match", g.pick("*", "W/\"1\""));
      }
      case 6 -> {
        String type = g.pick("application/json; charset=utf-8", "APPLICATION/SCIM+JSON",
            "application/json;charset=latin1");
        return g.request("accepted Content-Type POST /Users " + type, Expect.ANY, "POST", g.scim("/Users"),
            bytes(g.user()), "Content-Type", type);
      }
      case 7 -> {
        byte[] utf16 = g.user().encode().getBytes(StandardCharsets.UTF_16);
        return g.request("UTF-16 body POST /Users", Expect.ANY, "POST", g.scim("/Users"), utf16,
            "Content-Type", "application/scim+json; charset=utf-16");
      }
      case 8 -> {
        JsonArray operations = new JsonArray()
            .add(new JsonObject().put("method", "POST").put("path", "/Users").put("bulkId", "u").put("data", g.user()))
            .add(new JsonObject().put("method", "POST").put("path", "/Groups").put("bulkId", "g")
                .put("data", new JsonObject().put("displayName", "Fuzz bulk").put("members",
                    new JsonArray().add(new JsonObject().put("value", "bulkId:u")))))
            .add(new JsonObject().put("method", "PATCH").put("path", "/Users/bulkId:u")
                .put("data", patch(op("replace", "userName", 5))))
            .add(new JsonObject().put("method", "DELETE").put("path", "/Users/" + g.userId()));
        return g.request("mixed valid and invalid bulk", Expect.ANY, "POST", g.scim("/Bulk"),
            bytes(BulkFamily.envelope(operations)));
      }
      case 9 -> {
        JsonObject group = g.group().put("members", new JsonArray()
            .add(new JsonObject().put("value", Gen.uuid(g.random)))
            .add(new JsonObject().put("value", g.groupId()).put("type", "User"))
            .add(new JsonObject().put("value", g.userId()).put("type", "Group")));
        return g.request("members of absent or mistyped resources POST /Groups", Expect.ANY, "POST",
            g.scim("/Groups"), bytes(group));
      }
      case 10 -> {
        JsonArray emails = new JsonArray();
        for (int i = 0; i < 100 + g.random.nextInt(2000); i++) {
          emails.add(new JsonObject().put("value", "e" + i + "-" + g.userName()));
        }
        return g.request("many emails POST /Users", Expect.ANY, "POST", g.scim("/Users"),
            bytes(g.user().put("emails", emails)));
      }
      default -> {
        String endpoint = g.pick("/Users/", "/Groups/");
        return g.request("DELETE an existing resource", Expect.ANY, "DELETE",
            g.scim(endpoint + (endpoint.equals("/Users/") ? g.userId() : g.groupId())), null);
      }
    }
  }
}
