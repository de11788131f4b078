package io.scimbus.sql;

import static io.scimbus.sql.Filters.TEST_URN;
import static io.scimbus.sql.Filters.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.scimbus.core.schema.ResourceSchema;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderByTest {
  private static final FilterSqlCompiler USERS = new FilterSqlCompiler(Filters.USERS, ResourceTable.users());
  private static final FilterSqlCompiler GROUPS =
      new FilterSqlCompiler(ResourceSchema.groups(), ResourceTable.groups());
  private static final String EXT = "t.resource->'urn:test:o''ext'";

  private static String primaryOrFirst(String array) {
    return "(SELECT x.e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN " + array
        + " ELSE '[]'::jsonb END) WITH ORDINALITY x(e, n)"
        + " ORDER BY COALESCE(x.e->'primary' = 'true'::jsonb, false) DESC, x.n LIMIT 1)";
  }

  static Stream<Arguments> orders() {
    String email = primaryOrFirst("t.resource->'emails'");
    return Stream.of(
        arguments("userName", false, "(lower(t.user_name)) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments("userName", true, "(lower(t.user_name)) COLLATE \"C\" DESC NULLS FIRST, t.id DESC"),
        arguments("externalId", false, "(t.external_id) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments("id", false, "(t.id::text) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments("active", false, "t.active ASC NULLS LAST, t.id ASC"),
        arguments("meta.created", true, "t.created DESC NULLS FIRST, t.id DESC"),
        arguments("name.familyName", false,
            "(lower(t.resource->'name'->>'familyName')) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments("emails", false, "(lower(" + email + "->>'value')) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments("emails.type", false, "(lower(" + email + "->>'type')) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments(TEST_URN + ":tags", false,
            "(lower(" + primaryOrFirst(EXT + "->'tags'") + " #>> '{}')) COLLATE \"C\" ASC NULLS LAST, t.id ASC"),
        arguments(TEST_URN + ":level", false, "CASE WHEN jsonb_typeof(" + EXT + "->'level') = 'number' THEN ("
            + EXT + "->>'level')::numeric END ASC NULLS LAST, t.id ASC"),
        arguments(TEST_URN + ":hired", false, "CASE WHEN jsonb_typeof(" + EXT + "->'hired') = 'string' THEN ("
            + EXT + "->>'hired')::timestamptz END ASC NULLS LAST, t.id ASC"));
  }

  @ParameterizedTest(name = "[{index}] {0} descending={1}")
  @MethodSource("orders")
  void ordersUsers(String sortBy, boolean descending, String order) {
    assertEquals(new SqlFragment("ORDER BY " + order, List.of()), USERS.orderBy(path(sortBy), descending));
  }

  @Test
  void ordersByIdAloneWithoutSortBy() {
    assertEquals(new SqlFragment("ORDER BY t.id ASC", List.of()), USERS.orderBy(null, false));
    assertEquals(new SqlFragment("ORDER BY t.id DESC", List.of()), GROUPS.orderBy(null, true));
  }

  @Test
  void ordersGroupsByColumns() {
    assertEquals("ORDER BY (lower(t.display_name)) COLLATE \"C\" ASC NULLS LAST, t.id ASC",
        GROUPS.orderBy(path("displayName"), false).sql());
  }

  static Stream<Arguments> unsortable() {
    return Stream.of(
        arguments(USERS, "nope"),
        arguments(USERS, "name"),
        arguments(USERS, "name.nope"),
        arguments(USERS, "meta.version"),
        arguments(USERS, "password"),
        arguments(GROUPS, "members"),
        arguments(GROUPS, "members.value"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("unsortable")
  void rejectsWhatCannotBeSorted(FilterSqlCompiler compiler, String sortBy) {
    ScimException e = assertThrows(ScimException.class, () -> compiler.orderBy(path(sortBy), false));
    assertEquals(ScimType.INVALID_VALUE, e.scimType());
    assertTrue(e.detail().contains(sortBy), e::detail);
  }
}
