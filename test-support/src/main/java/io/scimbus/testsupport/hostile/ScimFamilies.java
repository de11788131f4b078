package io.scimbus.testsupport.hostile;

import static io.scimbus.testsupport.hostile.Gen.bytes;
import static io.scimbus.testsupport.hostile.Gen.encode;
import static io.scimbus.testsupport.hostile.Gen.op;
import static io.scimbus.testsupport.hostile.Gen.patch;

import io.scimbus.core.ScimUrns;
import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hostile requests to the SCIM endpoints of one tenant, one method per kind of attack. Each names its case without
 * the random parts, so repeated failures of one cause group together.
 */
final class ScimFamilies {
  static final List<String> USER_STRINGS = List.of("userName", "displayName", "nickName", "title", "externalId",
      "profileUrl", "userType", "preferredLanguage", "locale", "timezone");
  private static final List<Object> WRONG_STRINGS = List.of(123, 1.5, true, false, new JsonArray().add("a"),
      new JsonObject().put("a", "b"), new JsonArray(), -0.0, Long.MAX_VALUE);
  private static final List<Object> WRONG_BOOLEANS = List.of(5, "maybe", new JsonArray(), new JsonObject(),
      new JsonArray().add("True"), 0, "");
  private static final List<String> READ_ONLY_PATHS = List.of("id", "meta", "meta.created", "meta.lastModified",
      "meta.resourceType", "meta.location", "meta.version", "groups", "groups.value",
      "groups[value eq \"x\"].display");
  private static final List<String> BAD_PATHS = List.of("nosuch", "name.nosuch", "emails[type eq \"work\"].nosuch",
      "urn:nosuch:Schema:attr", "userName.sub", "emails[", "emails[type eq]", "", " ", "emails]",
      "emails[value eq \"x\"",
      "..", "name..givenName", "emails[type eq \"work\"][value pr]", "5", "members[nosuch eq \"x\"]");
  private static final List<String> DISCOVERY = List.of("/ServiceProviderConfig", "/ResourceTypes",
      "/ResourceTypes/User", "/ResourceTypes/Group", "/ResourceTypes/%00", "/ResourceTypes/nosuch", "/Schemas",
      "/Schemas/" + ScimUrns.USER, "/Schemas/urn:nosuch", "/Schemas/%C0%AF", "/Schemas/" + "x".repeat(300));
  private static final List<String> ODD_QUERIES = List.of("count=-1", "count=abc", "count=99999999999999999999",
      "count=2147483648", "count=1.5", "startIndex=0", "startIndex=-5", "startIndex=abc", "startIndex=1e9",
      "sortBy=nosuch", "sortBy=%00", "sortOrder=sideways", "attributes=nosuch", "attributes=%00",
      "attributes=userName,,,", "excludedAttributes=userName,%C0%AF", "filter=userName%20pr&filter=nosuch%20pr",
      "unknown=1", "", "&&&", "=x", "filter", "%", "%zz=1", "a=%", "filter=%C0%AF", "count=1&count=2",
      "attributes=" + "a,".repeat(3000), "x=" + "%00".repeat(50), "filter=%ED%A0%80", "sortBy=emails.value",
      "attributes=emails[type%20eq%20%22work%22]", "count=0", "startIndex=2147483648&count=10");
  private static final List<String> ODD_METHODS = List.of("TRACE", "OPTIONS", "HEAD", "PROPFIND", "FOO", "get",
      "LINK", "PURGE", "CONNECT", "MKCOL", "X-" + "Y".repeat(100));
  private static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml",
      "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/scim+jsonx",
      "application/json, text/plain", "", "*/*", "application/octet-stream", "text/json", "application/jsonp");
  private static final List<String> ODD_IDS = List.of("not-a-uuid", "%00", "%C0%AF", "..%2F..%2Fadmin", "%2e%2e",
      "'%20OR%201=1", "%20", "%E2%80%AE", "null", "00000000-0000-0000-0000-000000000000", "%0d%0aX-Injected:%201");

  private ScimFamilies() {
  }

  static WireRequest malformedJson(Gen g) {
    int route = g.random.nextInt(10);
    String method = route < 2 || route > 6 ? "POST" : route < 4 ? "PUT" : "PATCH";
    String template = switch (route) {
      case 0 -> "/Users";
      case 1 -> "/Groups";
      case 2, 4 -> "/Users/{id}";
      case 3, 5 -> "/Groups/{id}";
      case 6 -> "/Bulk";
      case 7 -> "/Users/.search";
      case 8 -> "/Groups/.search";
      default -> "/.search";
    };
    String path = template.replace("{id}", template.startsWith("/Users") ? g.userId() : g.groupId());
    JsonObject valid = switch (route) {
      case 1, 3 -> g.group();
      case 4, 5 -> patch(op("replace", "displayName", "x"));
      case 6 -> BulkFamily.valid(g);
      case 7, 8, 9 -> new JsonObject().put("schemas", new JsonArray().add(ScimUrns.SEARCH_REQUEST));
      default -> g.user();
    };
    Expect expect = route >= 7 ? Expect.READ : Expect.REFUSE;
    if (g.chance(5)) {
      return g.request("empty body " + method + " " + template, expect, method, g.scim(path), new byte[0]);
    }
    String body = HostileValues.malformedJson(g.random, valid.encode());
    return g.request("malformed JSON " + method + " " + template, expect, method, g.scim(path), bytes(body));
  }

  static WireRequest wrongType(Gen g) {
    switch (g.random.nextInt(6)) {
      case 0, 1 -> {
        JsonObject user = g.user();
        String attribute = wrongUserAttribute(g, user);
        return g.request("wrong type POST /Users " + attribute, Expect.REFUSE, "POST", g.scim("/Users"), bytes(user));
      }
      case 2 -> {
        JsonObject user = g.user();
        String attribute = wrongUserAttribute(g, user);
        return g.request("wrong type PUT /Users/{id} " + attribute, Expect.REFUSE, "PUT",
            g.scim("/Users/" + g.userId()), bytes(user));
      }
      case 3 -> {
        JsonObject group = g.group();
        String attribute = wrongGroupAttribute(g, group);
        boolean put = g.chance(30);
        return g.request("wrong type " + (put ? "PUT /Groups/{id} " : "POST /Groups ") + attribute, Expect.REFUSE,
            put ? "PUT" : "POST", g.scim(put ? "/Groups/" + g.groupId() : "/Groups"), bytes(group));
      }
      default -> {
        Object[] choice = g.pick(List.of(
            new Object[] {"replace", "userName", g.pick(WRONG_STRINGS)},
            new Object[] {"replace", "displayName", g.pick(WRONG_STRINGS)},
            new Object[] {"replace", "active", g.pick(WRONG_BOOLEANS)},
            new Object[] {"add", "emails", "x@fuzz.example"},
            new Object[] {"add", "emails", new JsonArray().add(5)},
            new Object[] {"replace", "name", "text"},
            new Object[] {"replace", "name.givenName", new JsonArray().add(1)},
            new Object[] {"replace", null, new JsonObject().put("userName", 5)},
            new Object[] {"replace", null, new JsonObject().put("active", "maybe")},
            new Object[] {"replace", null, "not an object"},
            new Object[] {"replace", "externalId", new JsonArray()},
            new Object[] {"add", "title", null},
            new Object[] {"replace", "userName", null},
            new Object[] {"replace", ScimUrns.ENTERPRISE_USER + ":manager", 5},
            new Object[] {"replace", ScimUrns.ENTERPRISE_USER + ":employeeNumber", new JsonObject()}));
        String kase = "wrong type PATCH /Users/{id} " + choice[0] + " " + choice[1] + "=" + typeName(choice[2]);
        return g.request(kase, Expect.REFUSE, "PATCH", g.scim("/Users/" + g.userId()),
            bytes(patch(op((String) choice[0], (String) choice[1], choice[2]))));
      }
    }
  }

  /** Puts a value of the wrong type or shape into {@code user}; returns what it did, for the case name. */
  private static String wrongUserAttribute(Gen g, JsonObject user) {
    switch (g.random.nextInt(7)) {
      case 0, 1 -> {
        String attribute = g.pick(USER_STRINGS);
        Object value = g.pick(WRONG_STRINGS);
        user.put(attribute, value);
        return attribute + "=" + typeName(value);
      }
      case 2 -> {
        Object value = g.pick(WRONG_BOOLEANS);
        user.put("active", value);
        return "active=" + typeName(value);
      }
      case 3 -> {
        Object value = g.pick("text", 5, new JsonArray().add(new JsonObject()), true,
            new JsonObject().put("givenName", 5), new JsonObject().put("familyName", new JsonArray()));
        user.put("name", value);
        return "name=" + typeName(value);
      }
      case 4 -> {
        String attribute = g.pick("emails", "phoneNumbers", "ims", "photos", "entitlements", "roles",
            "x509Certificates");
        Object value = g.pick("a@fuzz.example", 5, new JsonObject().put("value", "a@fuzz.example"),
            new JsonArray().add(5), new JsonArray().add("a@fuzz.example"),
            new JsonArray().add(new JsonObject().put("value", 5)),
            new JsonArray().add(new JsonObject().put("value", "a@fuzz.example").put("primary", "perhaps")),
            new JsonArray().add(new JsonObject().put("value", new JsonArray().add("x"))),
            new JsonArray().add(new JsonArray()));
        user.put(attribute, value);
        return attribute + "=" + typeName(value);
      }
      case 5 -> {
        Object value = g.pick("street", new JsonArray().add(new JsonObject().put("streetAddress", 5)),
            new JsonArray().add(new JsonObject().put("primary", "yes")));
        user.put("addresses", value);
        return "addresses=" + typeName(value);
      }
      default -> {
        String attribute = g.pick("employeeNumber", "department", "manager", "costCenter", "organization");
        Object value = attribute.equals("manager")
            ? g.pick(5, new JsonObject().put("value", 5), new JsonArray().add("x"), true)
            : g.pick(WRONG_STRINGS);
        user.put("schemas", new JsonArray().add(ScimUrns.USER).add(ScimUrns.ENTERPRISE_USER));
        user.put(ScimUrns.ENTERPRISE_USER, new JsonObject().put(attribute, value));
        return "enterprise " + attribute + "=" + typeName(value);
      }
    }
  }

  private static String wrongGroupAttribute(Gen g, JsonObject group) {
    if (g.chance(40)) {
      Object value = g.pick(WRONG_STRINGS);
      group.put("displayName", value);
      return "displayName=" + typeName(value);
    }
    Object value = g.pick(g.userId(), 5, new JsonObject().put("value", g.userId()), new JsonArray().add(5),
        new JsonArray().add(g.userId()), new JsonArray().add(new JsonObject().put("value", 5)),
        new JsonArray().add(new JsonObject().put("value", new JsonObject())),
        new JsonArray().add(new JsonObject().put("value", g.userId()).put("type", 5)), true);
    group.put("members", value);
    return "members=" + typeName(value);
  }

  static String typeName(Object value) {
    if (value == null) {
      return "missing";
    }
    if (value instanceof JsonArray array) {
      return "array" + (array.isEmpty() ? "[]" : "[" + typeName(array.getValue(0)) + "]");
    }
    if (value instanceof JsonObject object) {
      return object.isEmpty() ? "object{}" : "object" + object.fieldNames();
    }
    return value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** NUL anywhere, or another C0 control character in userName. */
  static WireRequest controlCharacters(Gen g) {
    boolean nul = g.chance(75);
    String bad = nul ? "a\u0000b" : "a" + HostileValues.control(g.random) + "b";
    String what = nul ? "NUL" : "C0 control";
    if (!nul) {
      JsonObject user = g.user().put("userName", bad + g.userName());
      return g.request(what + " in POST /Users userName", Expect.REFUSE, "POST", g.scim("/Users"), bytes(user));
    }
    switch (g.random.nextInt(6)) {
      case 0, 1 -> {
        String attribute = g.pick("userName", "displayName", "title", "externalId", "nickName", "name.givenName",
            "emails.value");
        JsonObject user = g.user();
        if (attribute.equals("name.givenName")) {
          user.put("name", new JsonObject().put("givenName", bad));
        } else if (attribute.equals("emails.value")) {
          user.getJsonArray("emails").getJsonObject(0).put("value", bad + "@fuzz.example");
        } else {
          user.put(attribute, attribute.equals("userName") ? bad + g.userName() : bad);
        }
        return g.request(what + " in POST /Users " + attribute, Expect.REFUSE, "POST", g.scim("/Users"), bytes(user));
      }
      case 2 -> {
        JsonObject group = g.group();
        boolean member = g.chance(50);
        if (member) {
          group.put("members", new JsonArray().add(new JsonObject().put("value", g.userId() + "\u0000")));
        } else {
          group.put("displayName", bad);
        }
        return g.request(what + " in POST /Groups " + (member ? "members.value" : "displayName"), Expect.REFUSE,
            "POST", g.scim("/Groups"), bytes(group));
      }
      case 3 -> {
        String path = g.pick("userName", "displayName", "title", "nickName");
        return g.request(what + " in PATCH /Users/{id} replace " + path, Expect.REFUSE, "PATCH",
            g.scim("/Users/" + g.userId()), bytes(patch(op("replace", path, bad))));
      }
      case 4 -> {
        JsonObject members = patch(op("add", "members", new JsonArray().add(new JsonObject().put("value", bad))));
        return g.request(what + " in PATCH /Groups/{id} add members.value", Expect.REFUSE, "PATCH",
            g.scim("/Groups/" + g.groupId()), bytes(members));
      }
      default -> {
        String filter = g.pick("userName eq \"" + bad + "\"", "displayName co \"\u0000\"", "externalId eq \"\u0000\"");
        return g.request(what + " in GET /Users filter value", Expect.READ, "GET",
            g.scim("/Users?filter=" + encode(filter)), null);
      }
    }
  }

  /** Incompressible strings over PostgreSQL's btree limit (2,704 bytes) in attributes that are indexed. */
  static WireRequest longStrings(Gen g) {
    String text = HostileValues.incompressible(g.random, 3000 + g.random.nextInt(20_000));
    switch (g.random.nextInt(4)) {
      case 0, 1 -> {
        String attribute = g.pick("userName", "displayName", "externalId");
        JsonObject user = g.user().put(attribute, text);
        return g.request("long string POST /Users " + attribute, Expect.REFUSE, "POST", g.scim("/Users"), bytes(user));
      }
      case 2 -> {
        boolean member = g.chance(50);
        JsonObject group = g.group();
        if (member) {
          group.put("members", new JsonArray().add(new JsonObject().put("value", text)));
        } else {
          group.put("displayName", text);
        }
        return g.request("long string POST /Groups " + (member ? "members.value" : "displayName"), Expect.REFUSE,
            "POST", g.scim("/Groups"), bytes(group));
      }
      default -> {
        String path = g.pick("userName", "displayName", "externalId");
        return g.request("long string PATCH /Users/{id} replace " + path, Expect.REFUSE, "PATCH",
            g.scim("/Users/" + g.userId()), bytes(patch(op("replace", path, text))));
      }
    }
  }

  /** Malformed UTF-8 bytes, or JSON escapes of lone surrogates, inside otherwise valid bodies. */
  static WireRequest invalidUtf8(Gen g) {
    boolean escape = g.chance(25);
    byte[] raw = escape ? g.pick(HostileValues.BAD_ESCAPES).getBytes(StandardCharsets.US_ASCII)
        : HostileValues.invalidUtf8(g.random);
    String what = escape ? "lone surrogate escape" : "invalid UTF-8";
    String mark = HostileValues.placeholder();
    switch (g.random.nextInt(6)) {
      case 0, 1 -> {
        String attribute = g.pick("userName", "displayName", "title", "nickName");
        JsonObject user = g.user();
        user.put(attribute, "a" + mark + user.getString(attribute));
        return g.request(what + " in POST /Users " + attribute, Expect.REFUSE, "POST", g.scim("/Users"),
            HostileValues.splice(user.encode(), raw));
      }
      case 2 -> {
        String body = g.user().encode().replaceFirst("\"displayName\"", "\"display" + mark + "Name\"");
        return g.request(what + " in POST /Users attribute name", Expect.REFUSE, "POST", g.scim("/Users"),
            HostileValues.splice(body, raw));
      }
      case 3 -> {
        JsonObject group = g.group().put("displayName", "g" + mark);
        return g.request(what + " in POST /Groups displayName", Expect.REFUSE, "POST", g.scim("/Groups"),
            HostileValues.splice(group.encode(), raw));
      }
      case 4 -> {
        String path = g.pick("displayName", "userName");
        return g.request(what + " in PATCH /Users/{id} replace " + path, Expect.REFUSE, "PATCH",
            g.scim("/Users/" + g.userId()), HostileValues.splice(patch(op("replace", path, "a" + mark)).encode(), raw));
      }
      default -> {
        JsonObject bulk = BulkFamily.envelope(new JsonArray().add(new JsonObject().put("method", "POST")
            .put("path", "/Users").put("bulkId", "u").put("data", g.user().put("displayName", mark))));
        return g.request(what + " in POST /Bulk operation data", Expect.REFUSE_EACH_OPERATION, "POST",
            g.scim("/Bulk"), HostileValues.splice(bulk.encode(), raw));
      }
    }
  }

  static WireRequest filters(Gen g) {
    String filter = HostileValues.filter(g.random);
    String endpoint = g.pick("/Users", "/Groups");
    switch (g.random.nextInt(5)) {
      case 0, 1 -> {
        String value = g.chance(10) ? encode(filter).replace("%22", "\"")
            : g.chance(10) ? encode(filter).replace("%22", "%22" + HostileValues.percentInvalidUtf8(g.random))
            : encode(filter);
        return g.request("hostile filter GET " + endpoint, Expect.READ, "GET", g.scim(endpoint + "?filter=" + value),
            null);
      }
      case 2 -> {
        String extra = g.pick("&sortBy=nosuch", "&attributes=nosuch", "&count=-1", "&startIndex=abc", "");
        return g.request("hostile filter with parameters GET " + endpoint, Expect.READ, "GET",
            g.scim(endpoint + "?filter=" + encode(filter) + extra), null);
      }
      default -> {
        String search = g.pick(endpoint, "");
        JsonObject body = new JsonObject().put("schemas", new JsonArray().add(ScimUrns.SEARCH_REQUEST))
            .put("filter", g.chance(90) ? filter : g.pick(WRONG_STRINGS));
        if (g.chance(30)) {
          body.put(g.pick("count", "startIndex", "sortBy", "attributes", "sortOrder"),
              g.pick(-1, "x", 1e20, new JsonArray().add(5), new JsonObject(), "nosuch", 2147483648L));
        }
        return g.request("hostile search POST " + search + "/.search", Expect.READ, "POST",
            g.scim(search + "/.search"), bytes(body));
      }
    }
  }

  static WireRequest queryParameters(Gen g) {
    String query = g.pick(ODD_QUERIES);
    String path = g.pick("/Users", "/Groups", "/Users/" + g.userId(), "/Groups/" + g.groupId());
    String template = path.replaceAll("/[0-9a-f-]{36}$", "/{id}");
    return g.request("odd query GET " + template + "?" + abbreviate(query), Expect.READ, "GET",
        g.scim(path + "?" + query), null);
  }

  static WireRequest readOnlyPatch(Gen g) {
    boolean user = g.chance(75);
    boolean unknown = g.chance(35);
    String path = unknown ? g.pick(BAD_PATHS) : user ? g.pick(READ_ONLY_PATHS) : g.pick("id", "meta.created", "meta");
    String operation = g.pick("add", "replace", "remove", "Replace");
    Object value = operation.equals("remove") ? null : g.pick("x", Gen.uuid(g.random), new JsonObject(), 5,
        new JsonArray().add(new JsonObject().put("value", "x")));
    String endpoint = user ? "/Users/" : "/Groups/";
    return g.request((unknown ? "invalid path" : "readOnly path") + " PATCH " + endpoint + "{id} " + operation + " "
            + path, Expect.REFUSE, "PATCH", g.scim(endpoint + (user ? g.userId() : g.groupId())),
        bytes(patch(op(operation, path, value))));
  }

  static WireRequest badPatch(Gen g) {
    JsonObject valid = op("replace", "displayName", "x");
    Object[] choice = g.pick(List.of(
        new Object[] {"no Operations", new JsonObject().put("schemas", new JsonArray().add(ScimUrns.PATCH_OP))},
        new Object[] {"Operations not an array", patch().put("Operations", "x")},
        new Object[] {"Operations [5]", patch().put("Operations", new JsonArray().add(5))},
        new Object[] {"unknown op", patch(op("frobnicate", "displayName", "x"))},
        new Object[] {"op missing", patch(new JsonObject().put("path", "displayName").put("value", "x"))},
        new Object[] {"op number", patch(new JsonObject().put("op", 5).put("path", "displayName").put("value", "x"))},
        new Object[] {"path number", patch(new JsonObject().put("op", "replace").put("path", 5).put("value", "x"))},
        new Object[] {"add without value", patch(op("add", "displayName", null))},
        new Object[] {"replace without value or path", patch(op("replace", null, null))},
        new Object[] {"one bad operation after a good one", patch(valid, op("replace", "meta.created", "x"))}));
    boolean missing = g.chance(20);
    String endpoint = g.pick("/Users/", "/Groups/");
    if (missing) {
      String id = g.chance(50) ? Gen.uuid(g.random) : g.pick(ODD_IDS);
      return g.request("PATCH to an absent " + endpoint + "{id}", Expect.REFUSE, "PATCH", g.scim(endpoint + id),
          bytes(patch(valid)));
    }
    String id = endpoint.equals("/Users/") ? g.userId() : g.groupId();
    return g.request("bad PatchOp " + choice[0] + " PATCH " + endpoint + "{id}", Expect.REFUSE, "PATCH",
        g.scim(endpoint + id), bytes(choice[1]));
  }

  static WireRequest methods(Gen g) {
    String path = g.pick("/Users", "/Groups", "/Users/" + g.userId(), "/Groups/" + g.groupId(), "/Bulk",
        "/ServiceProviderConfig", "/Schemas", "/ResourceTypes", "/.search", "/Users/.search");
    String template = path.replaceAll("/[0-9a-f-]{36}$", "/{id}");
    if (g.chance(40)) {
      boolean item = !template.equals(path);
      String method = item ? "POST" : g.pick("PUT", "PATCH", "DELETE");
      if (template.equals("/Bulk") || template.endsWith(".search")) {
        method = g.pick("PUT", "PATCH", "DELETE");
      } else if (path.startsWith("/S") || path.startsWith("/R")) {
        method = g.pick("POST", "PUT", "PATCH", "DELETE");
      }
      return g.request("wrong method " + method + " " + template, Expect.REFUSE, method, g.scim(path),
          bytes(g.user()));
    }
    String method = g.pick(ODD_METHODS);
    byte[] body = g.chance(30) ? bytes(g.user()) : null;
    return g.request("odd method " + (method.length() > 10 ? "X-long" : method) + " " + template, Expect.READ,
        method, g.scim(path), body);
  }

  static WireRequest contentTypes(Gen g) {
    if (g.chance(25)) {
      String accept = g.pick("text/html", "application/xml", "image/png;q=1", "", "garbage,,,;;;", "*/*;q=0",
          "application/scim+json;q=0");
      return g.request("odd Accept GET /Users", Expect.READ, "GET", g.scim("/Users"), null, "Accept", accept);
    }
    String type = g.pick(BAD_CONTENT_TYPES);
    int route = g.random.nextInt(4);
    String method = route < 2 ? "POST" : route == 2 ? "PUT" : "PATCH";
    String path = switch (route) {
      case 0 -> "/Users";
      case 1 -> "/Bulk";
      default -> "/Users/" + g.userId();
    };
    JsonObject body = switch (route) {
      case 1 -> BulkFamily.valid(g);
      case 3 -> patch(op("replace", "displayName", "x"));
      default -> g.user();
    };
    return g.request("Content-Type " + (type.isEmpty() ? "(empty)" : type) + " " + method + " "
        + path.replaceAll("/[0-9a-f-]{36}$", "/{id}"), Expect.REFUSE, method, g.scim(path), bytes(body),
        "Content-Type", type);
  }

  static WireRequest items(Gen g) {
    String endpoint = g.pick("/Users/", "/Groups/");
    String id = g.chance(30) ? Gen.uuid(g.random) : g.chance(10) ? "x".repeat(3000 + g.random.nextInt(3000))
        : g.pick(ODD_IDS);
    String shown = id.length() > 100 ? "<" + id.length() + " chars>" : id.matches("[0-9a-f-]{36}") ? "{absent id}" : id;
    String method = g.pick("GET", "PUT", "PATCH", "DELETE");
    byte[] body = switch (method) {
      case "PUT" -> bytes(endpoint.equals("/Users/") ? g.user() : g.group());
      case "PATCH" -> bytes(patch(op("replace", "displayName", "x")));
      default -> null;
    };
    if (g.chance(10)) {
      String suffix = g.pick("/extra", "/", "/.search", "/../Groups", "//");
      return g.request("odd path " + method + " " + endpoint + "{absent id}" + suffix, readOrRefuse(method), method,
          g.scim(endpoint + Gen.uuid(g.random) + suffix), body);
    }
    return g.request(method + " " + endpoint + shown, readOrRefuse(method), method, g.scim(endpoint + id), body);
  }

  private static Expect readOrRefuse(String method) {
    return method.equals("GET") ? Expect.READ : Expect.REFUSE;
  }

  static WireRequest auth(Gen g) {
    HostileTargets.Tenant victim = g.targets.victim();
    String[] choice = g.pick(List.of(
        new String[] {"no Authorization", null},
        new String[] {"Bearer without token", "Bearer"},
        new String[] {"malformed JWT", "Bearer x.y.z"},
        new String[] {"Basic credentials", "Basic dXNlcjpwYXNz"},
        new String[] {"tampered signature", "Bearer " + g.tenant.token() + "x"},
        new String[] {"another tenant's token", "Bearer " + victim.token()},
        new String[] {"admin token as SCIM bearer", "Bearer " + (g.targets.adminToken() == null ? "x"
            : g.targets.adminToken())},
        new String[] {"huge token", "Bearer " + "a".repeat(10_000)},
        new String[] {"token with control character", "Bearer a\u0001b"}));
    boolean write = g.chance(70);
    // the hostile tenant's own token on the victim's URL is the mirror case of "another tenant's token"
    boolean cross = g.chance(20);
    String authorization = cross ? "Bearer " + g.tenant.token() : choice[1];
    List<String> headers = new ArrayList<>(List.of("Accept", Gen.SCIM_JSON));
    if (authorization != null) {
      headers.addAll(List.of("Authorization", authorization));
    }
    if (write) {
      headers.addAll(List.of("Content-Type", Gen.SCIM_JSON));
    }
    String path = cross ? g.scimOf(victim, "/Users") : g.scim("/Users");
    String kase = (cross ? "own token on another tenant's URL" : choice[0]) + (write ? " POST" : " GET") + " /Users";
    return g.raw(kase, write ? Expect.REFUSE : Expect.READ, write ? "POST" : "GET",
        path.getBytes(StandardCharsets.ISO_8859_1), write ? bytes(g.user()) : null, headers);
  }

  static WireRequest discovery(Gen g) {
    String path = g.pick(DISCOVERY);
    String template = path.length() > 60 ? "/Schemas/<long>" : path;
    if (g.chance(25)) {
      String method = g.pick("POST", "PUT", "PATCH", "DELETE");
      return g.request("write to discovery " + method + " " + template, Expect.REFUSE, method, g.scim(path),
          method.equals("DELETE") ? null : bytes(new JsonObject().put("schemas", new JsonArray().add("x"))));
    }
    String query = g.chance(40) ? "?" + g.pick("filter=name%20eq%20%22x%22", "attributes=nosuch", "count=-1",
        "filter=%C0%AF", "excludedAttributes=%00", "sortBy=name") : "";
    return g.request("discovery GET " + template + (query.isEmpty() ? "" : " with query"), Expect.READ, "GET",
        g.scim(path + query), null);
  }

  static WireRequest conditional(Gen g) {
    String etag = g.pick("W/\"garbage\"", "\"0\"", "W/\"0\"", "garbage", "\"\"", "W/\"99999999999999999999\"",
        "W/\"-1\"");
    boolean user = g.chance(70);
    String path = user ? "/Users/" + g.userId() : "/Groups/" + g.groupId();
    String method = g.pick("PATCH", "PUT", "DELETE");
    byte[] body = switch (method) {
      case "PATCH" -> bytes(patch(op("replace", "displayName", "changed")));
      case "PUT" -> bytes(user ? g.user() : g.group());
      default -> null;
    };
    return g.request("stale If-Match " + method + " " + (user ? "/Users/{id}" : "/Groups/{id}"), Expect.REFUSE,
        method, g.scim(path), body, "If-Match", etag);
  }

  static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 30) + "...<" + text.length() + " chars>" : text;
  }
}
