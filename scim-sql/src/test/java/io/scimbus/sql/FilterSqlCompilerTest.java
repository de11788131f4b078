package io.scimbus.sql;

import static io.scimbus.core.filter.ComparisonOperator.CO;
import static io.scimbus.core.filter.ComparisonOperator.EW;
import static io.scimbus.core.filter.ComparisonOperator.GE;
import static io.scimbus.core.filter.ComparisonOperator.GT;
import static io.scimbus.core.filter.ComparisonOperator.LE;
import static io.scimbus.core.filter.ComparisonOperator.LT;
import static io.scimbus.core.filter.ComparisonOperator.NE;
import static io.scimbus.core.filter.ComparisonOperator.SW;
import static io.scimbus.sql.Filters.ENTERPRISE;
import static io.scimbus.sql.Filters.TEST_URN;
import static io.scimbus.sql.Filters.and;
import static io.scimbus.sql.Filters.cmp;
import static io.scimbus.sql.Filters.eq;
import static io.scimbus.sql.Filters.has;
import static io.scimbus.sql.Filters.not;
import static io.scimbus.sql.Filters.or;
import static io.scimbus.sql.Filters.pr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.ComparisonOperator;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.schema.ResourceSchema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterSqlCompilerTest {
  private static final FilterSqlCompiler USERS = new FilterSqlCompiler(Filters.USERS, ResourceTable.users());
  private static final FilterSqlCompiler GROUPS =
      new FilterSqlCompiler(ResourceSchema.groups(), ResourceTable.groups());

  private static final String EXT = "t.resource->'urn:test:o''ext'";
  private static final String ENT = "t.resource->'" + ENTERPRISE + "'";
  private static final String PRESENT = " NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb)";
  private static final String MEMBERS =
      "EXISTS (SELECT 1 FROM scim_group_members m WHERE m.tenant_id = t.tenant_id AND m.group_id = t.id";
  private static final OffsetDateTime MAY_13 = OffsetDateTime.parse("2011-05-13T04:42:34Z");

  /** EXISTS over the elements of a jsonb array, as the compiler spells it. */
  private static String any(String array, String alias, String predicate) {
    return "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN "
        + array + " ELSE '[]'::jsonb END) " + alias + " WHERE " + predicate + ")";
  }

  private static String typed(String json, String text, String jsonType, String sqlType) {
    return "CASE WHEN jsonb_typeof(" + json + ") = '" + jsonType + "' THEN (" + text + ")::" + sqlType + " END";
  }

  static Stream<Arguments> users() {
    String emails = "t.resource->'emails'";
    return Stream.of(
        // columns, with the index-friendly spellings the repository relies on
        arguments(eq("userName", "Bjensen"), "lower(t.user_name) = lower($2)", List.of("Bjensen")),
        arguments(eq("USERNAME", "Bjensen"), "lower(t.user_name) = lower($2)", List.of("Bjensen")),
        arguments(eq("externalId", "E-1"), "t.external_id = $2", List.of("E-1")),
        arguments(eq("id", "2819c223"), "t.id::text = $2", List.of("2819c223")),
        arguments(eq("displayName", "Babs"), "lower(t.display_name) = lower($2)", List.of("Babs")),
        arguments(eq("urn:ietf:params:scim:schemas:core:2.0:User:userName", "b"), "lower(t.user_name) = lower($2)",
            List.of("b")),
        arguments(eq("meta.resourceType", "User"), "'User' = $2", List.of("User")),
        // every string operator, case-insensitive and case-exact
        arguments(cmp("userName", NE, "b"), "NOT COALESCE(lower(t.user_name) = lower($2), false)", List.of("b")),
        arguments(cmp("userName", CO, "jen"), "lower(t.user_name) LIKE lower($2) ESCAPE '\\'", List.of("%jen%")),
        arguments(cmp("userName", SW, "bj"), "lower(t.user_name) LIKE lower($2) ESCAPE '\\'", List.of("bj%")),
        arguments(cmp("userName", EW, "en"), "lower(t.user_name) LIKE lower($2) ESCAPE '\\'", List.of("%en")),
        arguments(cmp("userName", GT, "m"), "(lower(t.user_name)) COLLATE \"C\" > lower($2)", List.of("m")),
        arguments(cmp("userName", GE, "m"), "(lower(t.user_name)) COLLATE \"C\" >= lower($2)", List.of("m")),
        arguments(cmp("userName", LT, "m"), "(lower(t.user_name)) COLLATE \"C\" < lower($2)", List.of("m")),
        arguments(cmp("userName", LE, "m"), "(lower(t.user_name)) COLLATE \"C\" <= lower($2)", List.of("m")),
        arguments(cmp("externalId", NE, "E"), "NOT COALESCE(t.external_id = $2, false)", List.of("E")),
        arguments(cmp("externalId", CO, "E"), "t.external_id LIKE $2 ESCAPE '\\'", List.of("%E%")),
        arguments(cmp("externalId", SW, "E"), "t.external_id LIKE $2 ESCAPE '\\'", List.of("E%")),
        arguments(cmp("externalId", EW, "E"), "t.external_id LIKE $2 ESCAPE '\\'", List.of("%E")),
        arguments(cmp("externalId", GT, "E"), "(t.external_id) COLLATE \"C\" > $2", List.of("E")),
        arguments(cmp("externalId", LE, "E"), "(t.external_id) COLLATE \"C\" <= $2", List.of("E")),
        // LIKE metacharacters in the literal match themselves; nothing of the literal reaches the SQL
        arguments(cmp("userName", CO, "50%_a\\b'--"), "lower(t.user_name) LIKE lower($2) ESCAPE '\\'",
            List.of("%50\\%\\_a\\\\b'--%")),
        arguments(eq("userName", "x' OR '1'='1"), "lower(t.user_name) = lower($2)", List.of("x' OR '1'='1")),
        // jsonb strings, core and extension
        arguments(eq("title", "Boss"), "lower(t.resource->>'title') = lower($2)", List.of("Boss")),
        arguments(cmp("title", GT, "B"), "(lower(t.resource->>'title')) COLLATE \"C\" > lower($2)", List.of("B")),
        arguments(cmp("name.givenName", SW, "J"), "lower(t.resource->'name'->>'givenName') LIKE lower($2) ESCAPE '\\'",
            List.of("J%")),
        arguments(eq(ENTERPRISE + ":employeeNumber", "701984"), "lower(" + ENT + "->>'employeeNumber') = lower($2)",
            List.of("701984")),
        arguments(eq(ENTERPRISE + ":manager.value", "26118915"), "lower(" + ENT + "->'manager'->>'value') = lower($2)",
            List.of("26118915")),
        arguments(eq(TEST_URN + ":o'name", "X"), EXT + "->>'o''name' = $2", List.of("X")),
        // booleans
        arguments(eq("active", true), "t.active = $2::boolean", List.of(true)),
        arguments(eq("active", "False"), "t.active = $2::boolean", List.of(false)),
        arguments(eq("active", "TRUE"), "t.active = $2::boolean", List.of(true)),
        arguments(cmp("active", NE, true), "NOT COALESCE(t.active = $2::boolean, false)", List.of(true)),
        arguments(eq("emails.primary", true), any(emails, "e1",
            typed("e1->'primary'", "e1->>'primary'", "boolean", "boolean") + " = $2::boolean"), List.of(true)),
        // dateTime
        arguments(cmp("meta.created", GT, "2011-05-13T04:42:34Z"), "t.created > $2::timestamptz", List.of(MAY_13)),
        arguments(cmp("meta.lastModified", LE, "2011-05-13T06:42:34+02:00"), "t.last_modified <= $2::timestamptz",
            List.of(OffsetDateTime.parse("2011-05-13T06:42:34+02:00"))),
        arguments(cmp("meta.created", NE, "2011-05-13T04:42:34Z"), "NOT COALESCE(t.created = $2::timestamptz, false)",
            List.of(MAY_13)),
        arguments(cmp(TEST_URN + ":hired", GE, "2011-05-13T04:42:34Z"),
            typed(EXT + "->'hired'", EXT + "->>'hired'", "string", "timestamptz") + " >= $2::timestamptz",
            List.of(MAY_13)),
        // numbers, bound as exact text
        arguments(cmp(TEST_URN + ":level", GT, 5),
            typed(EXT + "->'level'", EXT + "->>'level'", "number", "numeric") + " > $2::text::numeric", List.of("5")),
        arguments(cmp(TEST_URN + ":level", LT, new BigDecimal("1E+3")),
            typed(EXT + "->'level'", EXT + "->>'level'", "number", "numeric") + " < $2::text::numeric", List.of("1E+3")),
        arguments(eq(TEST_URN + ":score", new BigDecimal("1.50")),
            typed(EXT + "->'score'", EXT + "->>'score'", "number", "numeric") + " = $2::text::numeric", List.of("1.50")),
        arguments(cmp(TEST_URN + ":score", NE, new BigDecimal("-0.1")),
            "NOT COALESCE(" + typed(EXT + "->'score'", EXT + "->>'score'", "number", "numeric")
                + " = $2::text::numeric, false)", List.of("-0.1")),
        // multi-valued: any element matches; a complex one compares its value
        arguments(eq("emails", "a@x.com"), any(emails, "e1", "lower(e1->>'value') = lower($2)"), List.of("a@x.com")),
        arguments(eq("emails.type", "work"), any(emails, "e1", "lower(e1->>'type') = lower($2)"), List.of("work")),
        // ne is "not eq" over all values: no element equals, not "some element differs"
        arguments(cmp("emails.value", NE, "a"),
            "NOT COALESCE(" + any(emails, "e1", "lower(e1->>'value') = lower($2)") + ", false)", List.of("a")),
        arguments(cmp("emails", NE, "a"),
            "NOT COALESCE(" + any(emails, "e1", "lower(e1->>'value') = lower($2)") + ", false)", List.of("a")),
        arguments(cmp(TEST_URN + ":tags", NE, "red"),
            "NOT COALESCE(" + any(EXT + "->'tags'", "e1", "lower(e1 #>> '{}') = lower($2)") + ", false)",
            List.of("red")),
        // inside a value filter ne applies to the one element's sub-attribute
        arguments(has("emails", cmp("type", NE, "work")),
            any(emails, "e1", "NOT COALESCE(lower(e1->>'type') = lower($2), false)"), List.of("work")),
        arguments(eq(TEST_URN + ":tags", "red"), any(EXT + "->'tags'", "e1", "lower(e1 #>> '{}') = lower($2)"),
            List.of("red")),
        // value paths: one element must satisfy the whole bracket
        arguments(has("emails", and(eq("type", "work"), cmp("value", CO, "@x.com"))),
            any(emails, "e1", "(lower(e1->>'type') = lower($2) AND lower(e1->>'value') LIKE lower($3) ESCAPE '\\')"),
            List.of("work", "%@x.com%")),
        arguments(has("emails", not(pr("display"))),
            any(emails, "e1", "NOT COALESCE(e1->'display'" + PRESENT + ", false)"), List.of()),
        arguments(or(has("emails", eq("type", "work")), has("addresses", eq("Country", "US"))),
            "(" + any(emails, "e1", "lower(e1->>'type') = lower($2)") + " OR "
                + any("t.resource->'addresses'", "e2", "lower(e2->>'country') = lower($3)") + ")",
            List.of("work", "US")),
        arguments(has(ENTERPRISE + ":manager", eq("value", "26118915")),
            "(jsonb_typeof(" + ENT + "->'manager') = 'object' AND lower(" + ENT + "->'manager'->>'value') = lower($2))",
            List.of("26118915")),
        // presence and null
        arguments(pr("title"), "t.resource->'title'" + PRESENT, List.of()),
        arguments(pr("name"), "t.resource->'name'" + PRESENT, List.of()),
        arguments(pr("userName"), "t.user_name <> ''", List.of()),
        arguments(pr("active"), "t.active IS NOT NULL", List.of()),
        arguments(pr("emails"), "t.resource->'emails'" + PRESENT, List.of()),
        arguments(pr("emails.value"), any(emails, "e1", "e1->'value'" + PRESENT), List.of()),
        arguments(eq("title", null), "NOT COALESCE(t.resource->'title'" + PRESENT + ", false)", List.of()),
        arguments(cmp("title", NE, null), "t.resource->'title'" + PRESENT, List.of()),
        arguments(eq("emails", null), "NOT COALESCE(t.resource->'emails'" + PRESENT + ", false)", List.of()),
        arguments(eq("externalId", null), "NOT COALESCE(t.external_id <> '', false)", List.of()),
        // logic: AND and OR keep the tree's grouping, NOT never sees NULL
        arguments(not(eq("userName", "a")), "NOT COALESCE(lower(t.user_name) = lower($2), false)", List.of("a")),
        arguments(and(eq("userName", "a"), or(eq("title", "b"), pr("nickName"))),
            "(lower(t.user_name) = lower($2) AND (lower(t.resource->>'title') = lower($3) OR t.resource->'nickName'"
                + PRESENT + "))", List.of("a", "b")),
        arguments(or(and(eq("userName", "a"), eq("title", "b")), pr("nickName")),
            "((lower(t.user_name) = lower($2) AND lower(t.resource->>'title') = lower($3)) OR t.resource->'nickName'"
                + PRESENT + ")", List.of("a", "b")),
        arguments(and(and(eq("userName", "a"), eq("title", "b")), eq("externalId", "c")),
            "(lower(t.user_name) = lower($2) AND lower(t.resource->>'title') = lower($3) AND t.external_id = $4)",
            List.of("a", "b", "c")),
        arguments(or(eq("userName", "a"), or(eq("title", "b"), eq("externalId", "c"))),
            "(lower(t.user_name) = lower($2) OR lower(t.resource->>'title') = lower($3) OR t.external_id = $4)",
            List.of("a", "b", "c")),
        arguments(not(or(eq("userName", "a"), not(pr("title")))),
            "NOT COALESCE((lower(t.user_name) = lower($2) OR NOT COALESCE(t.resource->'title'" + PRESENT
                + ", false)), false)", List.of("a")),
        arguments(and(not(eq("active", true)), eq("userName", "a")),
            "(NOT COALESCE(t.active = $2::boolean, false) AND lower(t.user_name) = lower($3))", List.of(true, "a")));
  }

  static Stream<Arguments> groups() {
    return Stream.of(
        arguments(eq("displayName", "Admins"), "lower(t.display_name) = lower($2)", List.of("Admins")),
        arguments(eq("externalId", "G"), "t.external_id = $2", List.of("G")),
        arguments(eq("id", "g1"), "t.id::text = $2", List.of("g1")),
        arguments(cmp("meta.lastModified", GT, "2011-05-13T04:42:34Z"), "t.last_modified > $2::timestamptz",
            List.of(MAY_13)),
        arguments(eq("members", "u1"), MEMBERS + " AND lower(m.member_id) = lower($2))", List.of("u1")),
        arguments(eq("members.value", "u1"), MEMBERS + " AND lower(m.member_id) = lower($2))", List.of("u1")),
        arguments(eq("members.type", "User"), MEMBERS + " AND lower(m.member_type) = lower($2))", List.of("User")),
        arguments(cmp("members", NE, "u1"), "NOT COALESCE(" + MEMBERS + " AND lower(m.member_id) = lower($2)), false)",
            List.of("u1")),
        arguments(cmp("members.type", NE, "User"),
            "NOT COALESCE(" + MEMBERS + " AND lower(m.member_type) = lower($2)), false)", List.of("User")),
        arguments(pr("members"), MEMBERS + ")", List.of()),
        arguments(pr("members.type"), MEMBERS + " AND m.member_type <> '')", List.of()),
        arguments(eq("members", null), "NOT COALESCE(" + MEMBERS + "), false)", List.of()),
        arguments(not(eq("members.value", "u1")),
            "NOT COALESCE(" + MEMBERS + " AND lower(m.member_id) = lower($2)), false)", List.of("u1")),
        arguments(has("members", or(eq("type", "Group"), cmp("value", SW, "a_")))
            , MEMBERS + " AND (lower(m.member_type) = lower($2) OR lower(m.member_id) LIKE lower($3) ESCAPE '\\'))",
            List.of("Group", "a\\_%")),
        arguments(and(eq("displayName", "A"), eq("members", "u1")),
            "(lower(t.display_name) = lower($2) AND " + MEMBERS + " AND lower(m.member_id) = lower($3)))",
            List.of("A", "u1")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("users")
  void compilesUserFilters(Filter filter, String sql, List<Object> params) {
    assertEquals(new SqlFragment(sql, params), USERS.where(filter, 2));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("groups")
  void compilesGroupFilters(Filter filter, String sql, List<Object> params) {
    assertEquals(new SqlFragment(sql, params), GROUPS.where(filter, 2));
  }

  @Test
  void numbersPlaceholdersFromTheGivenIndex() {
    Filter filter = and(eq("userName", "a"), eq("externalId", "b"));
    assertEquals("(lower(t.user_name) = lower($1) AND t.external_id = $2)", USERS.where(filter, 1).sql());
    assertEquals("(lower(t.user_name) = lower($7) AND t.external_id = $8)", USERS.where(filter, 7).sql());
    assertThrows(IllegalArgumentException.class, () -> USERS.where(filter, 0));
  }

  static Stream<Arguments> invalidFilters() {
    return Stream.of(
        arguments(USERS, eq("nickname2", "x"), "nickname2"),
        arguments(USERS, eq("name.middle", "x"), "name.middle"),
        arguments(USERS, eq("urn:test:Nope:level", "x"), "urn:test:Nope:level"),
        arguments(USERS, eq("name", "x"), "name"),
        arguments(USERS, cmp("addresses", CO, "x"), "addresses"),
        arguments(USERS, eq("userName", 5), "userName"),
        arguments(USERS, eq("userName", true), "userName"),
        arguments(USERS, eq("emails", 5), "emails"),
        arguments(USERS, cmp("active", GT, true), "active"),
        arguments(USERS, cmp("active", CO, "t"), "active"),
        arguments(USERS, eq("active", "yes"), "active"),
        arguments(USERS, eq("active", 1), "active"),
        arguments(USERS, cmp("meta.created", CO, "2011"), "meta.created"),
        arguments(USERS, cmp("meta.created", GT, "yesterday"), "meta.created"),
        arguments(USERS, cmp("meta.created", GT, "2011-05-13T04:42:34"), "meta.created"),
        arguments(USERS, cmp("meta.created", GT, 2011), "meta.created"),
        arguments(USERS, cmp(TEST_URN + ":level", SW, "1"), "level"),
        arguments(USERS, eq(TEST_URN + ":level", "5"), "level"),
        arguments(USERS, eq(TEST_URN + ":level", new BigDecimal("1E+200000")), "level"),
        arguments(USERS, cmp("userName", CO, null), "userName"),
        arguments(USERS, cmp("title", GT, null), "title"),
        arguments(USERS, eq("meta.location", "x"), "meta.location"),
        arguments(USERS, pr("meta"), "meta"),
        arguments(USERS, eq("password", "secret"), "password"),
        arguments(USERS, has("emails", has("emails", eq("value", "x"))), "emails"),
        arguments(USERS, has("emails", eq("emails.value", "x")), "emails.value"),
        arguments(USERS, has("emails", eq("urn:ietf:params:scim:schemas:core:2.0:User:value", "x")), "value"),
        arguments(USERS, has("emails", eq("nope", "x")), "emails.nope"),
        arguments(USERS, has("userName", eq("value", "x")), "userName"),
        arguments(USERS, has("emails.value", eq("value", "x")), "emails.value"),
        arguments(USERS, has("nope", eq("value", "x")), "nope"),
        arguments(GROUPS, eq("userName", "x"), "userName"),
        arguments(GROUPS, eq("members.display", "x"), "members.display"),
        arguments(GROUPS, has("members", eq("$ref", "x")), "members.$ref"),
        arguments(GROUPS, has("members", has("members", eq("value", "x"))), "members"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("invalidFilters")
  void rejectsInvalidFilters(FilterSqlCompiler compiler, Filter filter, String named) {
    ScimException e = assertThrows(ScimException.class, () -> compiler.where(filter, 2));
    assertEquals(400, e.status());
    assertEquals(ScimType.INVALID_FILTER, e.scimType());
    assertTrue(e.detail().contains(named), () -> "'" + e.detail() + "' should name " + named);
  }

  @Test
  void bindsOnlyTypesThePgClientAccepts() {
    Filter filter = and(and(eq("userName", "a"), eq("active", true)),
        and(cmp("meta.created", GT, "2011-05-13T04:42:34Z"), eq(TEST_URN + ":level", 5)));
    for (Object param : USERS.where(filter, 2).params()) {
      assertTrue(param instanceof String || param instanceof Boolean || param instanceof OffsetDateTime, param::toString);
    }
  }

  @Test
  void compilesTheSamePathSpelledInAnyCase() {
    assertEquals(USERS.where(eq("name.givenName", "J"), 2),
        USERS.where(new Filter.Comparison(new AttributePath(null, "NAME", "GIVENNAME"),
            ComparisonOperator.EQ, "J"), 2));
  }
}
