package io.scimbus.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.filter.FilterEvaluator;
import io.scimbus.core.filter.FilterParser;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.SchemaLoader;
import io.scimbus.devstack.Postgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link FilterSqlCompiler} on a real PostgreSQL and {@link FilterEvaluator} in memory match exactly
 * the same resources: a battery of filters runs against deterministically generated users and groups, stored in
 * the services' own tables (their migrations) and held in memory as the canonical resources
 * they stand for. A second tenant holds look-alike users that the tenant predicate must keep out.
 */
class FilterBatteryIT {
  /** A Flyway versioned migration: {@code V<version>__<description>.sql}. */
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");
  private static final String TENANT = "battery";
  private static final String OTHER_TENANT = "other";
  private static final String ENT = ScimUrns.ENTERPRISE_USER;
  /** A tenant extension with the number types and a multi-valued string, which the core User schema lacks. */
  private static final String EXT = "urn:test:battery:2.0:User";
  private static final Schema EXTENSION = SchemaLoader.fromMap(Map.of(
      "id", EXT,
      "name", "Battery",
      "attributes", List.of(
          Map.of("name", "level", "type", "integer"),
          Map.of("name", "score", "type", "decimal"),
          Map.of("name", "tags", "type", "string", "multiValued", true))));
  private static final ResourceSchema USERS = ResourceSchema.users().withExtensions(List.of(EXTENSION));
  private static final ResourceSchema GROUPS = ResourceSchema.groups();
  private static final int USER_COUNT = 320;
  private static final int GROUP_COUNT = 50;
  private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");

  private static final String[] FIRST = {"alice", "Bob", "CHARLIE", "dana", "Émile", "Zoë", "Øyvind", "li", "Sam",
      "ALEX", "maría", "Sean", "eve", "Frank"};
  private static final String[] LAST = {"Smith", "JOHNSON", "O'Brien", "Nguyen", "García", "Müller", "Andersson",
      "lee", "Brown", "DAVIS", "Smithson", "Ng_uyen"};
  private static final String[] DOMAINS = {"example.com", "Example.ORG", "corp.example.net", "mail.test"};
  private static final String[] EMAIL_TYPES = {"work", "home", "other"};
  private static final String[] TITLES = {"Engineer", "Senior Engineer", "manager", "Director", "intern",
      "VP of Sales", "ENGINEER"};
  private static final String[] USER_TYPES = {"Employee", "Contractor", "employee", "Intern"};
  private static final String[] DEPARTMENTS = {"Engineering", "Sales", "sales", "Marketing", "R&D",
      "100% Fun_Dept", "SALES-EMEA"};
  private static final String[] TAGS = {"red", "Blue", "green", "RED", "re_d"};
  private static final String[] GROUP_NAMES = {"Admins", "admins-eu", "Sales Team", "Engineering", "Support Team",
      "Finance", "ALL STAFF", "Team_Ops", "Émigrés"};

  private static Postgres postgres;
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void startPostgres() {
    long start = System.nanoTime();
    postgres = Postgres.start();
    vertx = Vertx.vertx();
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(4))
        .connectingTo(PgConnectOptions.fromUri(postgres.uri()))
        .using(vertx)
        .build();
    migrate("users-service", "users");
    migrate("groups-service", "groups");
    Row locale = pool.query("SELECT current_setting('lc_ctype') AS ctype, current_setting('server_version') AS v")
        .execute().await().iterator().next();
    System.out.printf("PostgreSQL %s, lc_ctype %s, started in %d ms%n", locale.getString("v"),
        locale.getString("ctype"), (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void stopPostgres() {
    if (pool != null) {
      pool.close().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Users
  // ---------------------------------------------------------------------------------------------------------

  @Test
  void usersMatchTheSameInSqlAndInMemory() {
    long start = System.nanoTime();
    List<Map<String, Object>> users = generateUsers(new Random(20240611L), USER_COUNT, "u");
    insertUsers(TENANT, users);
    // Look-alikes in another tenant: same names and attributes, other ids. None may ever come back.
    insertUsers(OTHER_TENANT, generateUsers(new Random(20240611L), 12, "o"));

    List<String> battery = userBattery(users);
    Set<String> deliberatelyEmpty = Set.of(
        "userName eq \"nobody.here\"",
        "id eq \"" + id(users, 42).toUpperCase(Locale.ROOT) + "\"",
        "emails.display pr",
        "meta.resourceType eq \"user\"",
        "externalId eq \"" + swapCase(externalId(users, "EXT-")) + "\"");
    Report report = runBattery("users", battery, deliberatelyEmpty, users, USERS, ResourceTable.users());
    System.out.printf("users: %d filters over %d users (+12 in another tenant) in %d ms%n", battery.size(),
        users.size(), (System.nanoTime() - start) / 1_000_000);
    report.assertClean();
  }

  private static List<String> userBattery(List<Map<String, Object>> users) {
    String someUserName = (String) users.get(10).get("userName");
    String someEmail = firstEmail(users);
    String someCreated = (String) meta(users.get(20)).get("created");
    String someManager = managerOf(users);
    String someId = id(users, 42);
    return List.of(
        // userName: a case-insensitive column
        "userName eq \"" + swapCase(someUserName) + "\"",
        "USERNAME Eq \"" + someUserName.toUpperCase(Locale.ROOT) + "\"",
        "userName ne \"" + someUserName + "\"",
        "userName co \"AN\"",
        "userName sw \"b\"",
        "userName ew \"7\"",
        "userName gt \"m\"",
        "userName ge \"Charlie\"",
        "userName lt \"C\"",
        "userName le \"bob\"",
        "userName sw \"é\"",
        "userName co \"ØYVIND\"",
        "userName eq \"nobody.here\"",
        // externalId: a case-exact column, sometimes absent
        "externalId eq \"" + externalId(users, "ext-") + "\"",
        "externalId eq \"" + externalId(users, "EXT-") + "\"",
        "externalId eq \"" + swapCase(externalId(users, "EXT-")) + "\"",
        "externalId co \"xt-1\"",
        "externalId sw \"EXT-2\"",
        "externalId ew \"0\"",
        "externalId gt \"ext-5\"",
        "externalId le \"EXT-2\"",
        "externalId pr",
        "externalId eq null",
        "externalId ne \"ext-3\"",
        // displayName: case-insensitive column, sometimes "" or absent
        "displayName co \"smith\"",
        "displayName ew \"SON\"",
        "displayName pr",
        "displayName eq \"\"",
        "displayName ne null",
        // active: boolean column, sometimes absent; Entra sends strings
        "active eq true",
        "active eq false",
        "active ne true",
        "active ne false",
        "active eq \"True\"",
        "active eq \"FALSE\"",
        "active pr",
        "active eq null",
        // title and userType: strings in the document, with "" and JSON null edge cases
        "title eq \"engineer\"",
        "title co \"ENGINEER\"",
        "title sw \"v\"",
        "title ew \"or\"",
        "title lt \"F\"",
        "title ge \"manager\"",
        "title pr",
        "title eq null",
        "title ne \"Manager\"",
        "title eq \"\"",
        "title co \"\"",
        "userType eq \"employee\"",
        "userType ne \"Employee\"",
        // name: single-valued complex
        "name pr",
        "name.givenName sw \"a\"",
        "name.familyName eq \"o'brien\"",
        "name.familyName co \"Ü\"",
        "name.familyName co \"_\"",
        "name.givenName pr and not (name.familyName pr)",
        "name.familyName ne \"smith\"",
        // emails: multi-valued complex
        "emails pr",
        "emails eq null",
        "emails.value sw \"a\"",
        "emails co \"EXAMPLE.ORG\"",
        "emails.value ew \".net\"",
        "emails.value gt \"m\"",
        "emails eq \"" + swapCase(someEmail) + "\"",
        "emails.value ne \"" + someEmail + "\"",
        "emails ne \"" + someEmail + "\"",
        "emails.type eq \"other\"",
        "emails.type ne \"work\"",
        "emails.primary eq true",
        "emails.primary ne true",
        "emails.value pr",
        "emails.display pr",
        "emails[type eq \"work\" and value co \"@example\"]",
        "emails[type eq \"home\" or primary eq true]",
        "emails[not (type eq \"work\")]",
        "emails[type ne \"work\"]",
        "emails[value pr and primary eq false]",
        "emails[type eq \"work\"] and emails[type eq \"home\"]",
        "emails[type eq null]",
        // phoneNumbers
        "phoneNumbers pr",
        "phoneNumbers.value co \"555-1\"",
        "phoneNumbers[type eq \"mobile\"]",
        // enterprise extension
        ENT + ":department eq \"sales\"",
        ENT + ":department ne \"Engineering\"",
        ENT + ":department co \"100%\"",
        ENT + ":department co \"_\"",
        ENT + ":department sw \"SALES\"",
        ENT + ":employeeNumber sw \"e10\"",
        ENT + ":employeeNumber gt \"E1200\"",
        ENT + ":manager pr",
        ENT + ":manager.value eq \"" + someManager + "\"",
        ENT + ":manager.value pr",
        ENT + ":manager.displayName co \"a\"",
        ENT + ":Department EQ \"R&D\"",
        // meta: dateTime columns
        "meta.lastModified gt \"2024-06-01T00:00:00Z\"",
        "meta.lastModified lt \"2024-06-01T02:00:00+02:00\"",
        "meta.lastModified ge \"2023-03-01T00:00:00Z\" and meta.lastModified le \"2023-09-01T00:00:00Z\"",
        "meta.created eq \"" + someCreated + "\"",
        "meta.created ne \"" + someCreated + "\"",
        "meta.created le \"" + someCreated + "\"",
        "meta.resourceType eq \"User\" and title pr",
        "meta.resourceType eq \"user\"",
        // id: case-exact text of a uuid
        "id eq \"" + someId + "\"",
        "id ne \"" + someId + "\"",
        "id eq \"" + someId.toUpperCase(Locale.ROOT) + "\"",
        "id sw \"a\"",
        // profileUrl: a reference, not case-exact
        "profileUrl sw \"HTTPS://EXAMPLE.COM/users/a\"",
        // integer, decimal and multi-valued string in a tenant extension
        EXT + ":level gt 5",
        EXT + ":level le 2",
        EXT + ":level eq 3",
        EXT + ":level ne 3",
        EXT + ":level ge 7.0",
        EXT + ":score eq 1",
        EXT + ":score lt -0.1",
        EXT + ":score ge 2.25",
        EXT + ":score gt 1e0",
        EXT + ":tags eq \"red\"",
        EXT + ":tags co \"E_\"",
        EXT + ":tags ne \"red\"",
        EXT + ":tags pr",
        // logic
        "(userName sw \"a\" or userName sw \"b\") and not (active eq false)",
        "not (emails pr) or title eq \"manager\"",
        "userType eq \"contractor\" and (emails[type eq \"work\"] or phoneNumbers pr) and not (" + ENT
            + ":department eq \"sales\")",
        "not (not (active eq true))",
        "title pr or displayName pr and active eq true",
        "not (title pr or displayName pr) and active eq true",
        "not (emails[type eq \"work\"]) and emails pr",
        "(" + EXT + ":level lt 3 or " + EXT + ":tags eq \"blue\") and not (" + ENT + ":manager pr)");
  }

  private static List<Map<String, Object>> generateUsers(Random random, int count, String idPrefix) {
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> user = new LinkedHashMap<>();
      List<String> schemas = new ArrayList<>(List.of(ScimUrns.USER));
      user.put("schemas", schemas);
      user.put("id", UUID.nameUUIDFromBytes((idPrefix + i).getBytes(StandardCharsets.UTF_8)).toString());
      String first = pick(random, FIRST);
      String last = pick(random, LAST);
      user.put("userName", caseVariant(random, first + "." + last.replace("'", "") + i));
      if (random.nextInt(10) < 8) {
        user.put("externalId", (random.nextBoolean() ? "ext-" : "EXT-") + i);
      }
      int display = random.nextInt(20);
      if (display == 0) {
        user.put("displayName", "");
      } else if (display > 2) {
        user.put("displayName", caseVariant(random, first) + " " + last);
      }
      int active = random.nextInt(20);
      if (active < 10) {
        user.put("active", true);
      } else if (active < 17) {
        user.put("active", false);
      }
      if (i == 5) {
        user.put("title", "");
      } else if (i == 6) {
        user.put("title", null);
      } else if (random.nextInt(4) > 0) {
        user.put("title", pick(random, TITLES));
      }
      if (random.nextInt(5) > 0) {
        user.put("userType", pick(random, USER_TYPES));
      }
      int name = random.nextInt(10);
      if (name > 0) {
        Map<String, Object> names = new LinkedHashMap<>();
        if (name > 1) {
          names.put("givenName", first);
        }
        if (name != 2) {
          names.put("familyName", last);
        }
        user.put("name", names);
      }
      if (random.nextBoolean()) {
        user.put("profileUrl", "https://example.com/Users/" + first.toLowerCase(Locale.ROOT) + i);
      }
      int emailCount = random.nextInt(4);
      if (i == 7 || emailCount > 0) {
        List<Map<String, Object>> emails = new ArrayList<>();
        int primary = random.nextInt(emailCount + 2) - 1;
        for (int e = 0; e < emailCount && i != 7; e++) {
          Map<String, Object> email = new LinkedHashMap<>();
          email.put("value", caseVariant(random, first.substring(0, Math.min(3, first.length())) + e + "." + i)
              + "@" + pick(random, DOMAINS));
          if (random.nextInt(6) > 0) {
            email.put("type", pick(random, EMAIL_TYPES));
          }
          if (e == primary) {
            email.put("primary", true);
          } else if (random.nextInt(3) == 0) {
            email.put("primary", false);
          }
          emails.add(email);
        }
        user.put("emails", emails);
      }
      int phones = random.nextInt(3);
      if (phones > 0) {
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (int p = 0; p < phones; p++) {
          numbers.add(new LinkedHashMap<>(Map.of("value", "+1-555-" + (1000 + random.nextInt(9000)),
              "type", random.nextBoolean() ? "work" : "mobile")));
        }
        user.put("phoneNumbers", numbers);
      }
      if (random.nextInt(10) < 7) {
        schemas.add(ENT);
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("employeeNumber", (random.nextBoolean() ? "E" : "e") + (1000 + i));
        if (random.nextInt(6) > 0) {
          enterprise.put("department", pick(random, DEPARTMENTS));
        }
        if (i > 0 && random.nextBoolean()) {
          Map<String, Object> manager = users.get(random.nextInt(i));
          Map<String, Object> ref = new LinkedHashMap<>();
          ref.put("value", manager.get("id"));
          if (manager.get("displayName") != null) {
            ref.put("displayName", manager.get("displayName"));
          }
          enterprise.put("manager", ref);
        }
        user.put(ENT, enterprise);
      }
      if (random.nextBoolean()) {
        schemas.add(EXT);
        Map<String, Object> extension = new LinkedHashMap<>();
        if (random.nextInt(5) > 0) {
          extension.put("level", random.nextInt(11));
        }
        if (random.nextInt(5) > 0) {
          BigDecimal score = new BigDecimal(random.nextInt(21) - 4).divide(new BigDecimal(4));
          extension.put("score", score.setScale(Math.max(score.scale(), random.nextInt(3))));
        }
        int tags = random.nextInt(3);
        if (tags > 0) {
          List<Object> values = new ArrayList<>();
          for (int k = 0; k < tags; k++) {
            values.add(pick(random, TAGS));
          }
          extension.put("tags", values);
        }
        user.put(EXT, extension);
      }
      user.put("meta", meta(random, "User"));
      users.add(user);
    }
    return users;
  }

  private static void insertUsers(String tenant, List<Map<String, Object>> users) {
    List<Tuple> rows = new ArrayList<>();
    for (Map<String, Object> user : users) {
      Map<String, Object> meta = meta(user);
      rows.add(Tuple.from(java.util.Arrays.asList(tenant, UUID.fromString((String) user.get("id")),
          user.get("userName"), user.get("externalId"), user.get("displayName"), user.get("active"),
          document(user), 1L, OffsetDateTime.parse((String) meta.get("created")),
          OffsetDateTime.parse((String) meta.get("lastModified")))));
    }
    pool.preparedQuery("INSERT INTO scim_users (tenant_id, id, user_name, external_id, display_name, active, "
        + "resource, version, created, last_modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .executeBatch(rows).await();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Groups
  // ---------------------------------------------------------------------------------------------------------

  @Test
  void groupsMatchTheSameInSqlAndInMemory() {
    long start = System.nanoTime();
    Random random = new Random(777L);
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      userIds.add(UUID.nameUUIDFromBytes(("member" + i).getBytes(StandardCharsets.UTF_8)).toString());
    }
    List<Map<String, Object>> groups = generateGroups(random, userIds, "g");
    insertGroups(TENANT, groups);
    insertGroups(OTHER_TENANT, generateGroups(new Random(777L), userIds, "g").subList(0, 8));

    List<Map<String, Object>> someMembers = elements(groups.stream().filter(g -> elements(g.get("members")).size() > 2)
        .skip(2).findFirst().orElseThrow().get("members"));
    String someMember = (String) someMembers.get(1).get("value");
    String someGroupMember = groups.stream().flatMap(g -> elements(g.get("members")).stream())
        .filter(m -> m.get("type").equals("Group")).map(m -> (String) m.get("value")).findFirst().orElseThrow();
    String someDisplayName = (String) groups.get(3).get("displayName");
    String someExternalId = externalId(groups, "grp-");
    String someGroupId = (String) groups.get(17).get("id");
    List<String> battery = List.of(
        "displayName co \"admin\"",
        "displayName eq \"" + swapCase(someDisplayName) + "\"",
        "displayName sw \"s\"",
        "displayName ew \"5\"",
        "displayName co \"_\"",
        "displayName sw \"émi\"",
        "displayName gt \"F\"",
        "externalId eq \"" + someExternalId + "\"",
        "externalId eq \"" + externalId(groups, "GRP-") + "\"",
        "externalId eq \"" + someExternalId.toUpperCase(Locale.ROOT) + "\"",
        "externalId pr",
        "externalId sw \"GRP\"",
        "externalId ne \"" + someExternalId + "\"",
        "members pr",
        "members eq null",
        "members[value eq \"" + someMember + "\"]",
        "members.value eq \"" + someMember.toUpperCase(Locale.ROOT) + "\"",
        "members eq \"" + someMember + "\"",
        "members co \"" + someMember.substring(0, 8) + "\"",
        "members[type eq \"Group\"]",
        "members[type eq \"group\" and value eq \"" + someGroupMember + "\"]",
        "members[type eq \"User\" and value sw \"a\"]",
        "members.type ne \"User\"",
        "members.value ne \"" + someMember + "\"",
        "members ne \"" + someMember + "\"",
        "members[not (type eq \"User\")]",
        "not (members[type eq \"Group\"]) and displayName co \"team\"",
        "members pr and not (externalId pr)",
        "meta.lastModified gt \"2024-01-01T00:00:00Z\"",
        "meta.created lt \"2023-06-01T00:00:00+02:00\"",
        "id eq \"" + someGroupId + "\"",
        "id ne \"" + someGroupId + "\"");
    Set<String> deliberatelyEmpty = Set.of("externalId eq \"" + someExternalId.toUpperCase(Locale.ROOT) + "\"");
    Report report = runBattery("groups", battery, deliberatelyEmpty, groups, GROUPS, ResourceTable.groups());
    System.out.printf("groups: %d filters over %d groups in %d ms%n", battery.size(), groups.size(),
        (System.nanoTime() - start) / 1_000_000);
    report.assertClean();
  }

  private static List<Map<String, Object>> generateGroups(Random random, List<String> userIds, String idPrefix) {
    List<Map<String, Object>> groups = new ArrayList<>();
    for (int i = 0; i < GROUP_COUNT; i++) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("schemas", List.of(ScimUrns.GROUP));
      group.put("id", UUID.nameUUIDFromBytes((idPrefix + i).getBytes(StandardCharsets.UTF_8)).toString());
      group.put("displayName", caseVariant(random, pick(random, GROUP_NAMES)) + " " + i);
      if (random.nextInt(3) > 0) {
        group.put("externalId", (random.nextBoolean() ? "grp-" : "GRP-") + i);
      }
      int count = random.nextInt(7);
      if (count > 0) {
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> members = new ArrayList<>();
        for (int m = 0; m < count; m++) {
          boolean nested = i > 0 && random.nextInt(5) == 0;
          String value = nested ? (String) groups.get(random.nextInt(i)).get("id")
              : userIds.get(random.nextInt(userIds.size()));
          if (seen.add(value)) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("value", value);
            member.put("type", nested ? "Group" : "User");
            members.add(member);
          }
        }
        group.put("members", members);
      }
      group.put("meta", meta(random, "Group"));
      groups.add(group);
    }
    return groups;
  }

  private static void insertGroups(String tenant, List<Map<String, Object>> groups) {
    List<Tuple> rows = new ArrayList<>();
    List<Tuple> members = new ArrayList<>();
    for (Map<String, Object> group : groups) {
      Map<String, Object> meta = meta(group);
      UUID id = UUID.fromString((String) group.get("id"));
      Map<String, Object> document = new LinkedHashMap<>(group);
      document.remove("members");
      rows.add(Tuple.from(java.util.Arrays.asList(tenant, id, group.get("displayName"), group.get("externalId"),
          document(document), 1L, OffsetDateTime.parse((String) meta.get("created")),
          OffsetDateTime.parse((String) meta.get("lastModified")))));
      for (Map<String, Object> member : elements(group.get("members"))) {
        members.add(Tuple.of(tenant, id, member.get("value"), member.get("type")));
      }
    }
    pool.preparedQuery("INSERT INTO scim_groups (tenant_id, id, display_name, external_id, resource, version, "
        + "created, last_modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(rows).await();
    pool.preparedQuery("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type) "
        + "VALUES ($1, $2, $3, $4)").executeBatch(members).await();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Plans
  // ---------------------------------------------------------------------------------------------------------

  private static final int BULK_USERS = 100_000;

  /** Issue 3's bar: with 100,000 users in one tenant, the two IdP lookups stay index lookups. */
  @Test
  void equalityOnUserNameAndExternalIdUsesTheirIndexes() {
    long start = System.nanoTime();
    String tenant = "bulk";
    pool.query("INSERT INTO scim_users (tenant_id, id, user_name, external_id, display_name, active, resource, "
        + "version, created, last_modified) "
        + "SELECT '" + tenant + "', gen_random_uuid(), 'Bulk.User' || g, 'ext-' || g, 'Bulk User ' || g, g % 2 = 0, "
        + "jsonb_build_object('schemas', jsonb_build_array('" + ScimUrns.USER + "'), 'userName', 'Bulk.User' || g, "
        + "'externalId', 'ext-' || g, 'displayName', 'Bulk User ' || g, 'active', g % 2 = 0, "
        + "'emails', jsonb_build_array(jsonb_build_object('value', 'bulk' || g || '@example.com', 'type', 'work'))), "
        + "1, now() - g * interval '1 minute', now() "
        + "FROM generate_series(1, " + BULK_USERS + ") g").execute().await();
    pool.query("ANALYZE scim_users").execute().await();

    assertUsesIndex(tenant, "userName eq \"BULK.user12345\"", "scim_users_user_name");
    assertUsesIndex(tenant, "externalId eq \"ext-12345\"", "scim_users_external_id");
    System.out.printf("plans: %d bulk users inserted, analyzed and explained in %d ms%n", BULK_USERS,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static void assertUsesIndex(String tenant, String filterText, String index) {
    SqlFragment where = new FilterSqlCompiler(USERS, ResourceTable.users()).where(FilterParser.parse(filterText), 2);
    String sql = "SELECT t.id FROM scim_users t WHERE t.tenant_id = $1 AND (" + where.sql() + ")";
    List<Object> params = new ArrayList<>();
    params.add(tenant);
    params.addAll(where.params());
    assertEquals(1, pool.preparedQuery(sql).execute(Tuple.from(params)).await().size(), filterText);
    Object plan = pool.preparedQuery("EXPLAIN (FORMAT JSON) " + sql).execute(Tuple.from(params)).await()
        .iterator().next().getValue(0);
    JsonArray json = plan instanceof JsonArray array ? array : new JsonArray(String.valueOf(plan));
    List<String> nodes = new ArrayList<>();
    collectNodes(json.getJsonObject(0).getJsonObject("Plan"), nodes);
    String message = filterText + " -> " + sql + "\nplan nodes: " + nodes + "\n" + json.encodePrettily();
    assertTrue(nodes.stream().noneMatch(node -> node.startsWith("Seq Scan")), message);
    assertTrue(nodes.contains("Index Scan on " + index) || nodes.contains("Bitmap Index Scan on " + index)
        || nodes.contains("Index Only Scan on " + index), message);
    System.out.printf("plan of %s: %s%n", filterText, nodes);
  }

  private static void collectNodes(JsonObject node, List<String> into) {
    String index = node.getString("Index Name");
    into.add(node.getString("Node Type") + (index == null ? "" : " on " + index));
    JsonArray children = node.getJsonArray("Plans");
    if (children != null) {
      for (int i = 0; i < children.size(); i++) {
        collectNodes(children.getJsonObject(i), into);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // The comparison
  // ---------------------------------------------------------------------------------------------------------

  /** Runs every filter both ways over {@code resources} (all in {@link #TENANT}) and records what differs. */
  private static Report runBattery(String what, List<String> battery, Set<String> deliberatelyEmpty,
      List<Map<String, Object>> resources, ResourceSchema schema, ResourceTable table) {
    FilterEvaluator evaluator = new FilterEvaluator(schema);
    FilterSqlCompiler compiler = new FilterSqlCompiler(schema, table);
    Report report = new Report(what, resources.size());
    for (String text : battery) {
      Filter filter = FilterParser.parse(text);
      Predicate<Map<String, Object>> predicate = evaluator.compile(filter);
      Set<String> expected = new TreeSet<>();
      for (Map<String, Object> resource : resources) {
        if (predicate.test(resource)) {
          expected.add((String) resource.get("id"));
        }
      }
      SqlFragment where = compiler.where(filter, 2);
      String sql = "SELECT t.id::text AS id FROM " + table.table() + " t WHERE t.tenant_id = $1 AND ("
          + where.sql() + ")";
      List<Object> params = new ArrayList<>();
      params.add(TENANT);
      params.addAll(where.params());
      Set<String> actual = new TreeSet<>();
      try {
        for (Row row : pool.preparedQuery(sql).execute(Tuple.from(params)).await()) {
          actual.add(row.getString("id"));
        }
      } catch (RuntimeException e) {
        report.failures.add("FAILED TO RUN " + text + "\n  SQL: " + sql + "\n  params: " + params + "\n  " + e);
        continue;
      }
      report.record(text, sql, params, expected, actual, deliberatelyEmpty.contains(text));
    }
    return report;
  }

  private static final class Report {
    final String what;
    final int total;
    final List<String> failures = new ArrayList<>();
    final List<String> empty = new ArrayList<>();
    final List<String> all = new ArrayList<>();
    long matches;

    Report(String what, int total) {
      this.what = what;
      this.total = total;
    }

    void record(String filter, String sql, List<Object> params, Set<String> expected, Set<String> actual,
        boolean emptyIntended) {
      matches += expected.size();
      if (!expected.equals(actual)) {
        Set<String> onlyInMemory = new TreeSet<>(expected);
        onlyInMemory.removeAll(actual);
        Set<String> onlySql = new TreeSet<>(actual);
        onlySql.removeAll(expected);
        failures.add("DISAGREE " + filter + "\n  SQL: " + sql + "\n  params: " + params
            + "\n  in memory only (" + onlyInMemory.size() + "): " + onlyInMemory
            + "\n  SQL only (" + onlySql.size() + "): " + onlySql);
      }
      if (expected.isEmpty()) {
        empty.add(filter);
        if (!emptyIntended) {
          failures.add("MATCHES NOTHING (not meaningful): " + filter);
        }
      } else if (emptyIntended) {
        failures.add("meant to match nothing but matched " + expected.size() + ": " + filter);
      }
      if (expected.size() == total) {
        all.add(filter);
        failures.add("MATCHES ALL " + total + " (not meaningful): " + filter);
      }
    }

    void assertClean() {
      System.out.printf("%s: %d matches in all, %d filters match none %s, %d match all %s%n", what, matches,
          empty.size(), empty, all.size(), all);
      if (!failures.isEmpty()) {
        fail(what + ": " + failures.size() + " problem(s)\n" + String.join("\n", failures));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------------------

  /** meta as a resource carries it, at whole seconds so that timestamptz holds it exactly; offsets vary. */
  private static Map<String, Object> meta(Random random, String resourceType) {
    Instant created = EPOCH.plusSeconds(random.nextInt(2 * 365 * 24 * 3600));
    Instant lastModified = created.plusSeconds(random.nextInt(120 * 24 * 3600));
    ZoneOffset offset = random.nextInt(4) == 0 ? ZoneOffset.ofHours(2) : ZoneOffset.UTC;
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", resourceType);
    meta.put("created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(offset)));
    meta.put("lastModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(lastModified.atOffset(offset)));
    return meta;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> meta(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("meta");
  }

  /** The stored document: the canonical resource without id and meta. */
  private static JsonObject document(Map<String, Object> resource) {
    Map<String, Object> document = new LinkedHashMap<>(resource);
    document.remove("id");
    document.remove("meta");
    return new JsonObject(document);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> elements(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static String id(List<Map<String, Object>> resources, int index) {
    return (String) resources.get(index).get("id");
  }

  /** The first externalId with this prefix, in the case it was stored with. */
  private static String externalId(List<Map<String, Object>> resources, String prefix) {
    return resources.stream().map(r -> (String) r.get("externalId"))
        .filter(e -> e != null && e.startsWith(prefix)).findFirst().orElseThrow();
  }

  private static String firstEmail(List<Map<String, Object>> users) {
    for (Map<String, Object> user : users.subList(30, users.size())) {
      for (Map<String, Object> email : elements(user.get("emails"))) {
        return (String) email.get("value");
      }
    }
    throw new IllegalStateException("no user has an email");
  }

  @SuppressWarnings("unchecked")
  private static String managerOf(List<Map<String, Object>> users) {
    for (Map<String, Object> user : users.subList(50, users.size())) {
      if (user.get(ENT) instanceof Map<?, ?> enterprise && enterprise.get("manager") instanceof Map<?, ?> manager) {
        return (String) ((Map<String, Object>) manager).get("value");
      }
    }
    throw new IllegalStateException("no user has a manager");
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String caseVariant(Random random, String text) {
    return switch (random.nextInt(4)) {
      case 0 -> text.toLowerCase(Locale.ROOT);
      case 1 -> text.toUpperCase(Locale.ROOT);
      case 2 -> swapCase(text);
      default -> text;
    };
  }

  private static String swapCase(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(c -> sb.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
        : Character.toUpperCase(c)));
    return sb.toString();
  }

  /**
   * Runs a service's own migrations, in version order as Flyway applies them, so the battery always meets the real
   * tables and indexes. Read from the sibling module's sources: this module must not depend on a service.
   */
  private static void migrate(String module, String service) {
    Path dir = Path.of("..", module, "src", "main", "resources", "db", service);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> scripts = files.filter(f -> MIGRATION.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(FilterBatteryIT::version)).toList();
      for (Path script : scripts) {
        pool.query(Files.readString(script, StandardCharsets.UTF_8)).execute().await();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int version(Path script) {
    Matcher name = MIGRATION.matcher(script.getFileName().toString());
    name.matches();
    return Integer.parseInt(name.group(1));
  }
}
