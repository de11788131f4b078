package io.scimbus.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.scimbus.core.filter.Filter.And;
import io.scimbus.core.filter.Filter.Comparison;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Returned;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.Uniqueness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathParserTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  static Stream<Arguments> validPaths() {
    return Stream.of(
        arguments("members", PatchPath.of(AttributePath.of("members"))),
        arguments("userName", PatchPath.of(AttributePath.of("userName"))),
        arguments("name.givenName", PatchPath.of(AttributePath.of("name", "givenName"))),
        arguments("emails[type eq \"work\"].value",
            new PatchPath(AttributePath.of("emails"), eq("type", "work"), "value")),
        arguments("roles[primary eq \"True\"].value",
            new PatchPath(AttributePath.of("roles"), eq("primary", "True"), "value")),
        arguments("members[value eq \"2819c223\"]",
            new PatchPath(AttributePath.of("members"), eq("value", "2819c223"), null)),
        arguments("emails[type eq \"work\" and primary eq true]", new PatchPath(AttributePath.of("emails"),
            new And(eq("type", "work"), eq("primary", true)), null)),
        arguments("addresses[type eq \"work\"].streetAddress",
            new PatchPath(AttributePath.of("addresses"), eq("type", "work"), "streetAddress")),
        arguments("groups[value eq \"g1\"].$ref", new PatchPath(AttributePath.of("groups"), eq("value", "g1"), "$ref")),
        arguments(ENTERPRISE + ":manager", PatchPath.of(new AttributePath(ENTERPRISE, "manager", null))),
        arguments(ENTERPRISE + ":manager.value", PatchPath.of(new AttributePath(ENTERPRISE, "manager", "value"))),
        arguments(ENTERPRISE + ":employeeNumber", PatchPath.of(new AttributePath(ENTERPRISE, "employeeNumber", null))),
        arguments(CORE_USER + ":emails[type eq \"work\"].value",
            new PatchPath(new AttributePath(CORE_USER, "emails", null), eq("type", "work"), "value")),
        arguments(ENTERPRISE, PatchPath.schemaOnly(ENTERPRISE)),
        arguments(ENTERPRISE.toLowerCase(), PatchPath.schemaOnly(ENTERPRISE.toLowerCase())),
        arguments(" name.familyName ", PatchPath.of(AttributePath.of("name", "familyName"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validPaths")
  void parsesToTheExpectedPath(String text, PatchPath expected) {
    assertEquals(expected, PathParser.parse(text));
  }

  static Stream<Arguments> invalidPaths() {
    return Stream.of(
        arguments("", "path is empty"),
        arguments("emails[type eq \"work\"", "missing \"]\" to close \"[\" at position 7"),
        arguments("emails[type eq work]", "after \"eq\" at position 16, found \"work]\""),
        arguments("emails[type eq \"work\"].", "expected a sub-attribute name at position 24"),
        arguments("emails[type eq \"work\"].value.x", "expected a sub-attribute name at position 24, found \"value.x\""),
        arguments("emails[type eq \"work\"]value", "expected \".\" and a sub-attribute or end of path after \"]\""),
        arguments("emails[type eq \"work\"][value eq \"x\"]", "at position 23"),
        arguments("name.givenName[value eq \"x\"]", "not to the sub-attribute \"name.givenName\""),
        arguments("emails[value[type eq 1]]", "value paths cannot be nested"),
        arguments("name givenName", "expected \"[\" or end of path after \"name\" at position 5"),
        arguments("a.b.c", "has more than one sub-attribute"),
        arguments("[type eq \"x\"]", "expected an attribute path at position 1"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidPaths")
  void rejectsAsInvalidPath(String text, String expectedDetail) {
    ScimException e = assertThrows(ScimException.class, () -> PathParser.parse(text));
    assertEquals(400, e.status());
    assertEquals(ScimType.INVALID_PATH, e.scimType());
    assertTrue(e.detail().contains(expectedDetail), () -> "detail was: " + e.detail());
  }

  @Test
  void schemaOnlyPathsHaveNoAttribute() {
    PatchPath path = PathParser.parse(ENTERPRISE);
    assertTrue(path.isSchemaOnly());
    assertEquals(null, path.attribute());
    assertFalse(PathParser.parse(ENTERPRISE + ":manager").isSchemaOnly());
  }

  @Test
  void recognisesTenantExtensionUrnsOnlyWithTheirSchema() {
    String tenantUrn = "urn:example:scim:tenant:2.0:User";
    AttributeDefinition badge = new AttributeDefinition("badge", AttributeType.STRING, false, null, false, false,
        Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of());
    ResourceSchema withTenant = ResourceSchema.users()
        .withExtensions(List.of(new Schema(tenantUrn, "Tenant", null, List.of(badge))));

    assertEquals(PatchPath.schemaOnly(tenantUrn), PathParser.parse(tenantUrn, withTenant));
    assertEquals(PatchPath.of(new AttributePath("urn:example:scim:tenant:2.0", "User", null)),
        PathParser.parse(tenantUrn));
  }

  @Test
  void rejectsInconsistentPatchPaths() {
    assertThrows(IllegalArgumentException.class, () -> new PatchPath(AttributePath.of("emails"), null, "value"));
    assertThrows(IllegalArgumentException.class,
        () -> new PatchPath(AttributePath.of("name", "givenName"), eq("type", "x"), null));
    assertThrows(IllegalArgumentException.class, () -> new PatchPath(null, null, null, null));
  }

  private static Comparison eq(String attribute, Object value) {
    return new Comparison(AttributePath.of(attribute), ComparisonOperator.EQ, value);
  }
}
