package io.scimbus.testsupport.hostile;

import static io.scimbus.testsupport.hostile.Gen.bytes;
import static io.scimbus.testsupport.hostile.Gen.encode;

import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hostile requests to the admin API ({@code /admin/v1}, see gateway's {@code openapi/admin-v1.yaml}). Every tenant
 * id they name is the hostile tenant, or a new id that starts with it, so whatever a wrongly accepted request
 * creates shows in the hostile tenant's rows.
 */
final class AdminFamilies {
  static final String PREFIX = "/admin/v1";
  private static final String JSON = "application/json";
  private static final List<Object> BAD_PROFILES = List.of(new JsonObject().put("garbage", true),
      new JsonObject().put("preset", 5), new JsonObject().put("preset", "nosuch"), "nosuch-preset", 5,
      new JsonArray(), new JsonObject().put("users", 5), new JsonObject().put("name", 5),
      new JsonObject().put("userExtensions", "x"), new JsonObject().put("preset", new JsonArray().add("standard")));
  private static final List<String> LOG_QUERIES = List.of("userId=%00", "since=garbage", "until=2020-13-45T99:00:00Z",
      "count=-1", "count=abc", "startIndex=0", "startIndex=abc", "userName=%C0%AF", "resourceId=" + "x".repeat(3000),
      "userName=%00", "since=" + "9".repeat(40), "resourceId=%ED%A0%80", "count=1000000", "userId=' OR 1=1");

  private AdminFamilies() {
  }

  static WireRequest admin(Gen g) {
    return switch (g.random.nextInt(10)) {
      case 0, 1 -> create(g);
      case 2 -> renameOrDelete(g);
      case 3, 4 -> tokens(g);
      case 5 -> profile(g);
      case 6 -> log(g);
      case 7 -> authentication(g);
      case 8 -> methods(g);
      default -> paging(g);
    };
  }

  /** A fresh tenant id that contains the hostile tenant's, so a wrongly created tenant is in its snapshot. */
  private static String freshId(Gen g) {
    return g.tenant.id() + "-c" + g.index;
  }

  private static WireRequest create(Gen g) {
    String fresh = freshId(g);
    Object[] choice = g.pick(List.of(
        new Object[] {"id upper case", new JsonObject().put("id", fresh.toUpperCase(Locale.ROOT))},
        new Object[] {"id too short", new JsonObject().put("id", "ab")},
        new Object[] {"id too long", new JsonObject().put("id", fresh + "-" + "x".repeat(60))},
        new Object[] {"id with NUL", new JsonObject().put("id", fresh + "\u0000")},
        new Object[] {"id with slash", new JsonObject().put("id", fresh + "/x")},
        new Object[] {"id not ASCII", new JsonObject().put("id", fresh + "-\u00e9")},
        new Object[] {"id number", new JsonObject().put("id", 5)},
        new Object[] {"id missing", new JsonObject().put("displayName", fresh)},
        new Object[] {"id array", new JsonObject().put("id", new JsonArray().add(fresh))},
        new Object[] {"displayName number", new JsonObject().put("id", fresh).put("displayName", 5)},
        new Object[] {"displayName array", new JsonObject().put("id", fresh).put("displayName", new JsonArray())},
        new Object[] {"displayName too long", new JsonObject().put("id", fresh).put("displayName", "d".repeat(201))},
        new Object[] {"displayName with NUL", new JsonObject().put("id", fresh).put("displayName", "a\u0000b")},
        new Object[] {"existing id", new JsonObject().put("id", g.tenant.id())},
        new Object[] {"bad profile", new JsonObject().put("id", fresh).put("profile", g.pick(BAD_PROFILES))}));
    if (g.chance(15)) {
      String body = g.chance(50) ? HostileValues.malformedJson(g.random, (String) new JsonObject().put("id", fresh)
          .encode()) : "[]";
      return admin(g, "admin create tenant malformed JSON", Expect.REFUSE, "POST", PREFIX + "/tenants", bytes(body));
    }
    if (g.chance(10)) {
      String body = new JsonObject().put("id", fresh).put("displayName", "a" + HostileValues.placeholder()).encode();
      return admin(g, "admin create tenant invalid UTF-8 displayName", Expect.REFUSE, "POST", PREFIX + "/tenants",
          HostileValues.splice(body, HostileValues.invalidUtf8(g.random)));
    }
    return admin(g, "admin create tenant " + choice[0], Expect.REFUSE, "POST", PREFIX + "/tenants", bytes(choice[1]));
  }

  private static WireRequest renameOrDelete(Gen g) {
    String tenant = PREFIX + "/tenants/" + g.tenant.id();
    if (g.chance(25)) {
      String id = g.pick(freshId(g), "%00", "%C0%AF", "x".repeat(300));
      return admin(g, "admin DELETE an absent or invalid tenant", Expect.REFUSE, "DELETE", PREFIX + "/tenants/" + id,
          null);
    }
    if (g.chance(20)) {
      return admin(g, "admin PATCH an absent tenant", Expect.REFUSE, "PATCH", PREFIX + "/tenants/" + freshId(g),
          bytes(new JsonObject().put("displayName", "x")));
    }
    Object[] choice = g.pick(List.of(
        new Object[] {"empty object", new JsonObject()},
        new Object[] {"displayName number", new JsonObject().put("displayName", 5)},
        new Object[] {"displayName null", new JsonObject().put("displayName", (Object) null)},
        new Object[] {"displayName too long",
            new JsonObject().put("displayName", "d".repeat(201 + g.random.nextInt(5000)))},
        new Object[] {"displayName with NUL", new JsonObject().put("displayName", "a\u0000b")},
        new Object[] {"array", new JsonArray()},
        new Object[] {"malformed JSON", "{\"displayName\":"}));
    return admin(g, "admin PATCH tenant " + choice[0], Expect.REFUSE, "PATCH", tenant, bytes(choice[1]));
  }

  private static WireRequest tokens(Gen g) {
    String tokens = PREFIX + "/tenants/" + g.tenant.id() + "/tokens";
    switch (g.random.nextInt(4)) {
      case 0 -> {
        String id = g.pick(Gen.uuid(g.random), "not-a-uuid", "%00", "x".repeat(3000), "%C0%AF");
        return admin(g, "admin DELETE an absent or invalid token id", Expect.REFUSE, "DELETE", tokens + "/" + id, null);
      }
      case 1 -> {
        String path = PREFIX + "/tenants/" + g.pick(freshId(g), "%00", "UPPER") + "/tokens"
            + (g.chance(50) ? "/regenerate" : "");
        return admin(g, "admin issue a token for an absent tenant", Expect.REFUSE, "POST", path,
            bytes(new JsonObject()));
      }
      case 2 -> {
        return admin(g, "admin GET tokens of an odd tenant", Expect.READ, "GET",
            PREFIX + "/tenants/" + g.pick(g.tenant.id(), "%00", "%C0%AF", "nosuch") + "/tokens", null);
      }
      default -> {
        Object[] choice = g.pick(List.of(
            new Object[] {"description number", new JsonObject().put("description", 5)},
            new Object[] {"description object", new JsonObject().put("description", new JsonObject())},
            new Object[] {"description too long", new JsonObject().put("description", "d".repeat(201))},
            new Object[] {"description with NUL", new JsonObject().put("description", "a\u0000b")},
            new Object[] {"array", new JsonArray()},
            new Object[] {"malformed JSON", "{\"description\""}));
        boolean regenerate = g.chance(30);
        return admin(g, "admin " + (regenerate ? "regenerate" : "issue") + " token " + choice[0], Expect.REFUSE,
            "POST", tokens + (regenerate ? "/regenerate" : ""), bytes(choice[1]));
      }
    }
  }

  private static WireRequest profile(Gen g) {
    if (g.chance(20)) {
      return admin(g, "admin GET profile of an odd tenant", Expect.READ, "GET",
          PREFIX + "/tenants/" + g.pick(g.tenant.id(), "%00", "nosuch", "%C0%AF") + "/profile", null);
    }
    if (g.chance(15)) {
      return admin(g, "admin PUT profile of an absent tenant", Expect.REFUSE, "PUT",
          PREFIX + "/tenants/" + freshId(g) + "/profile", bytes(new JsonObject().put("preset", "standard")));
    }
    Object profile = g.chance(10) ? "{\"preset\":" : g.pick(BAD_PROFILES);
    return admin(g, "admin PUT profile " + ScimFamilies.typeName(profile) + " " + abbreviate(profile), Expect.REFUSE,
        "PUT", PREFIX + "/tenants/" + g.tenant.id() + "/profile", bytes(profile));
  }

  private static WireRequest log(Gen g) {
    String query = g.pick(LOG_QUERIES);
    return admin(g, "admin GET provisioning-log ?" + ScimFamilies.abbreviate(query), Expect.READ, "GET",
        PREFIX + "/tenants/" + g.tenant.id() + "/provisioning-log?" + query, null);
  }

  private static WireRequest authentication(Gen g) {
    String[] choice = g.pick(List.of(
        new String[] {"no Authorization", null},
        new String[] {"wrong admin token", "Bearer wrong"},
        new String[] {"a tenant token", "Bearer " + g.tenant.token()},
        new String[] {"Basic credentials", "Basic YWRtaW46YWRtaW4="},
        new String[] {"huge token", "Bearer " + "a".repeat(10_000)}));
    List<String> headers = new ArrayList<>(List.of("Accept", JSON, "Content-Type", JSON));
    if (choice[1] != null) {
      headers.addAll(List.of("Authorization", choice[1]));
    }
    boolean write = g.chance(60);
    String path = write ? PREFIX + "/tenants" : PREFIX + "/tenants/" + g.tenant.id() + "/tokens";
    byte[] body = write ? bytes(new JsonObject().put("id", freshId(g))) : null;
    return g.raw("admin " + choice[0] + (write ? " POST /tenants" : " GET tokens"), write ? Expect.REFUSE
        : Expect.READ, write ? "POST" : "GET", path.getBytes(StandardCharsets.ISO_8859_1), body, headers);
  }

  private static WireRequest methods(Gen g) {
    if (g.chance(40)) {
      String method = g.pick("PUT", "DELETE", "PATCH");
      return admin(g, "admin wrong method " + method + " /tenants", Expect.REFUSE, method, PREFIX + "/tenants",
          bytes(new JsonObject().put("id", freshId(g))));
    }
    String method = g.pick("TRACE", "OPTIONS", "HEAD", "FOO", "PROPFIND");
    String path = g.pick(PREFIX + "/tenants", PREFIX + "/tenants/" + g.tenant.id(), PREFIX + "/openapi.yaml",
        PREFIX + "/tenants/" + g.tenant.id() + "/profile", PREFIX + "/nosuch");
    return admin(g, "admin odd method " + method, Expect.READ, method, path, null);
  }

  private static WireRequest paging(Gen g) {
    String query = g.pick("count=-1", "count=abc", "count=100000", "startIndex=0", "startIndex=abc", "count=%00",
        "startIndex=99999999999999999999", "count=1.5&startIndex=-1", "%zz", "count=" + encode("1 OR 1=1"));
    String path = g.chance(80) ? PREFIX + "/tenants?" + query : PREFIX + "/openapi.yaml?" + query;
    return admin(g, "admin paging GET " + path.substring(PREFIX.length(), path.indexOf('?')) + " ?" + query,
        Expect.READ, "GET", path, null);
  }

  private static String abbreviate(Object value) {
    return ScimFamilies.abbreviate(String.valueOf(value));
  }

  private static WireRequest admin(Gen g, String kase, Expect expect, String method, String path, byte[] body) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + g.targets.adminToken(),
        "Accept", JSON));
    if (body != null) {
      headers.addAll(List.of("Content-Type", JSON));
    }
    return g.raw(kase, expect, method, path.getBytes(StandardCharsets.ISO_8859_1), body, headers);
  }
}
