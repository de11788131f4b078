package io.scimbus.testsupport.hostile;

import static io.scimbus.testsupport.hostile.Gen.bytes;
import static io.scimbus.testsupport.hostile.Gen.op;
import static io.scimbus.testsupport.hostile.Gen.patch;

import io.scimbus.core.ScimUrns;
import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The few large requests (megabytes, up to just under the 10 MB payload limit): one in every {@link #EVERY}, each
 * kind in turn, so a run's size and duration stay bounded whatever the seed.
 */
final class BigRequests {
  static final int EVERY = 1000;
  private static final int KINDS = 11;

  private BigRequests() {
  }

  static boolean isBig(long index) {
    return index % EVERY == EVERY - 1;
  }

  /** The big request for {@code g.index}; the lenient ones go to the lenient tenant ({@code lenientGen}). */
  static WireRequest big(Gen g, Gen lenientGen) {
    int kind = (int) ((g.index / EVERY) % KINDS);
    return switch (kind) {
      case 0 -> {
        String body = g.user().put("nosuch", HostileValues.incompressible(g.random, 9_000_000)).encode();
        yield g.request("big: 9 MB truncated JSON POST /Users", Expect.REFUSE, "POST", g.scim("/Users"),
            bytes(body.substring(0, body.length() - 2)));
      }
      case 1 -> g.request("big: 2 MB displayName POST /Users", Expect.REFUSE, "POST", g.scim("/Users"),
          bytes(g.user().put("displayName", HostileValues.incompressible(g.random, 2_000_000))));
      case 2 -> lenientGen.request("big: 100,000 emails POST /Users", Expect.ANY, "POST", lenientGen.scim("/Users"),
          bytes(lenientGen.user().put("emails", emails(100_000))));
      case 3 -> lenientGen.request("big: 1 MB nickName POST /Users", Expect.ANY, "POST", lenientGen.scim("/Users"),
          bytes(lenientGen.user().put("nickName", HostileValues.incompressible(lenientGen.random, 1_000_000))));
      case 4 -> {
        JsonArray members = members(g, 50_000).add(new JsonObject().put("value", "a\u0000b"));
        yield g.request("big: 50,000 members, one with NUL POST /Groups", Expect.REFUSE, "POST", g.scim("/Groups"),
            bytes(g.group().put("members", members)));
      }
      case 5 -> lenientGen.request("big: 30,000 members POST /Groups", Expect.ANY, "POST", lenientGen.scim("/Groups"),
          bytes(lenientGen.group().put("members", members(lenientGen, 30_000))));
      case 6 -> g.request("big: 1 MB filter POST /Users/.search", Expect.READ, "POST", g.scim("/Users/.search"),
          bytes(new JsonObject().put("schemas", new JsonArray().add(ScimUrns.SEARCH_REQUEST))
              .put("filter", HostileValues.hugeFilter(g.random, 40_000))));
      case 7 -> g.request("big: userName nested 100,000 arrays deep POST /Users", Expect.REFUSE, "POST",
          g.scim("/Users"), bytes(g.user().encode().replaceFirst("\"userName\":\"[^\"]*\"",
              "\"userName\":" + "[".repeat(100_000) + "]".repeat(100_000))));
      case 8 -> lenientGen.request("big: PATCH add 20,000 members", Expect.ANY, "PATCH",
          lenientGen.scim("/Groups/" + lenientGen.groupId()),
          bytes(patch(op("add", "members", members(lenientGen, 20_000)))));
      case 9 -> {
        JsonArray operations = new JsonArray();
        for (int i = 0; i < 1000; i++) {
          operations.add(new JsonObject().put("method", "POST").put("path", "/Users").put("bulkId", "b" + i)
              .put("data", g.user().put("userName", i)));
        }
        yield g.request("big: 1,000 failing bulk operations", Expect.REFUSE_EACH_OPERATION, "POST", g.scim("/Bulk"),
            bytes(BulkFamily.envelope(operations)));
      }
      default -> g.request("big: 400,000 emails POST /Users", Expect.REFUSE, "POST", g.scim("/Users"),
          bytes(g.user().put("emails", emails(400_000))));
    };
  }

  /** {@code n} short distinct addresses: 400,000 of them fit under the 10 MB payload limit. */
  private static JsonArray emails(int n) {
    JsonArray emails = new JsonArray();
    for (int i = 0; i < n; i++) {
      emails.add(new JsonObject().put("value", Integer.toString(i, 36) + "@f.io"));
    }
    return emails;
  }

  private static JsonArray members(Gen g, int n) {
    JsonArray members = new JsonArray();
    for (int i = 0; i < n; i++) {
      members.add(new JsonObject().put("value", Gen.uuid(g.random)));
    }
    return members;
  }
}
