package io.scimbus.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.Uniqueness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What discovery shows a tenant of each preset: the attributes its profile accepts, with its rules. */
class DiscoverySchemasTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:2.0:CustomExtensionName";
  private static final String METADATA = "urn:ietf:params:scim:schemas:extension:2.0:Metadata";

  private static ResourceSchema users(String preset) {
    TenantProfile profile = Presets.named(preset);
    return DiscoverySchemas.describe(profile.userSchema(), profile.users());
  }

  private static List<String> names(Schema schema) {
    return schema.attributes().stream().map(AttributeDefinition::name).toList();
  }

  private static AttributeDefinition attribute(ResourceSchema schema, String name) {
    return schema.core().attribute(name).orElseThrow();
  }

  static Stream<Arguments> extensionsPerPreset() {
    return Stream.of(
        arguments(Presets.STANDARD, List.of(ENTERPRISE)),
        arguments(Presets.MINIMAL_USERS, List.of()),
        arguments(Presets.APP_ROLES, List.of(ENTERPRISE)),
        arguments(Presets.ENTERPRISE_TOOLKIT, List.of(ENTERPRISE, CUSTOM, METADATA)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extensionsPerPreset")
  void listsTheExtensionsThePresetAccepts(String preset, List<String> extensions) {
    assertEquals(extensions, users(preset).extensions().stream().map(Schema::id).toList());
  }

  @Test
  void minimalUsersListsOnlyWhatItKeeps() {
    ResourceSchema schema = users(Presets.MINIMAL_USERS);
    assertEquals(List.of("id", "externalId", "userName", "name", "emails"), names(schema.core()));
    AttributeDefinition name = attribute(schema, "name");
    assertEquals(List.of("familyName", "givenName"), name.subAttributes().stream().map(AttributeDefinition::name)
        .toList());
    assertTrue(name.required());
    assertTrue(name.subAttributes().stream().allMatch(AttributeDefinition::required));
    AttributeDefinition emails = attribute(schema, "emails");
    assertTrue(emails.description().contains("Only elements matching type eq \"work\" are kept."),
        emails.description());
    AttributeDefinition value = emails.subAttribute("value").orElseThrow();
    assertTrue(value.required());
    assertEquals(Uniqueness.SERVER, value.uniqueness());
  }

  @Test
  void standardListsEverythingWithItsLimits() {
    ResourceSchema schema = users(Presets.STANDARD);
    assertEquals(names(ResourceSchema.users().core()), names(schema.core()));
    assertTrue(attribute(schema, "userName").description()
        .endsWith("At most 1024 bytes (UTF-8) per value, no control characters."));
    assertTrue(attribute(schema, "title").description()
        .endsWith("At most 16384 bytes (UTF-8) per value, no control characters but tab, CR and LF."));
    assertTrue(attribute(schema, "emails").description().endsWith("At most 1000 values."));
    AttributeDefinition members = DiscoverySchemas.describe(ResourceSchema.groups(), ResourceRules.OPEN).core()
        .attribute("members").orElseThrow();
    assertTrue(members.description().endsWith("At most 20000 values per request."), members.description());
  }

  @Test
  void allowedValuesAndPatternsAreStated() {
    ResourceSchema toolkit = users(Presets.ENTERPRISE_TOOLKIT);
    assertEquals(List.of("Premium", "Standard"), attribute(toolkit, "userType").canonicalValues());
    assertEquals(List.of("ReadOnly", "User", "Admin", "EnterpriseAdmin"),
        attribute(toolkit, "roles").subAttribute("value").orElseThrow().canonicalValues());
    assertTrue(attribute(toolkit, "userName").description().contains("Must match the regular expression"));
    assertEquals(Uniqueness.SERVER, attribute(toolkit, "emails").subAttribute("value").orElseThrow().uniqueness());
    assertEquals(List.of("Admin", "Editor", "Viewer"),
        attribute(users(Presets.APP_ROLES), "roles").subAttribute("value").orElseThrow().canonicalValues());
    assertFalse(attribute(users(Presets.STANDARD), "roles").subAttribute("value").orElseThrow().canonicalValues()
        .contains("Admin"));
  }
}
