package io.scimbus.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.error.ScimException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDocumentTest {
  private static final Map<String, Object> EXTENSION_ID = Map.of("id", "urn:example:ext");

  @Test
  void everyPresetSurvivesItsOwnDocumentForm() {
    for (String name : Presets.NAMES) {
      Map<String, Object> document = ProfileDocument.toMap(Presets.named(name));
      assertEquals(document, ProfileDocument.toMap(ProfileDocument.parse(document)), name);
    }
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    assertRefused(Map.of("garbage", true), "profile field garbage is unknown");
    assertRefused(Map.of("users", Map.of("requried", List.of("userName"))), "profile field users.requried");
    assertRefused(Map.of("groups", Map.of("enable", false)), "profile field groups.enable");
  }

  @Test
  void wrongTypesAreRefusedByName() {
    assertRefused(Map.of("name", 5), "name must be a string");
    assertRefused(Map.of("description", List.of()), "description must be a string");
    assertRefused(Map.of("users", 5), "users must be an object");
    assertRefused(Map.of("groups", Map.of("enabled", "no")), "groups.enabled must be true or false");
    assertRefused(Map.of("users", Map.of("rejectOthers", 1)), "users.rejectOthers must be true or false");
    assertRefused(Map.of("users", Map.of("accepted", 5)), "users.accepted must be a list of strings");
    assertRefused(Map.of("users", Map.of("patterns", Map.of("userName", 5))),
        "users.patterns.userName must be a regular expression string");
    assertRefused(Map.of("users", Map.of("allowedValues", List.of())), "users.allowedValues must be an object");
    assertRefused(Map.of("userExtensions", Map.of()), "userExtensions must be a list");
  }

  @Test
  void extensionSchemasAreCheckedBeforeTheyAreLoaded() {
    assertRefused(extension(Map.of("attributes", 5)), "userExtensions[0].attributes must be a list");
    assertRefused(extension(Map.of("attributes", List.of(5))),
        "userExtensions[0].attributes[0] must be an attribute definition object");
    assertRefused(extension(Map.of("attributes", List.of(Map.of("type", "string")))),
        "userExtensions[0].attributes[0].name is required");
    assertRefused(extension(Map.of("attributes", List.of(Map.of("name", "a", "multiValued", "yes")))),
        "userExtensions[0].attributes[0].multiValued must be true or false");
    assertRefused(extension(Map.of("attributes", List.of(Map.of("name", "a", "canonicalValues", List.of(1))))),
        "userExtensions[0].attributes[0].canonicalValues must be a list of strings");
    assertRefused(extension(Map.of("attributes", List.of(Map.of("name", "a", "type", "complex",
        "subAttributes", List.of(Map.of("name", 7)))))), "userExtensions[0].attributes[0].subAttributes[0].name");
    assertRefused(extension(Map.of("attributes", List.of(Map.of("name", "a", "mutability", "sometimes")))),
        "userExtensions[0]: unknown mutability sometimes");
    assertRefused(Map.of("userExtensions", List.of(Map.of("id", 5))), "userExtensions[0] must be a schema");
  }

  private static Map<String, Object> extension(Map<String, Object> schema) {
    Map<String, Object> withId = new HashMap<>(EXTENSION_ID);
    withId.putAll(schema);
    return Map.of("userExtensions", List.of(withId));
  }

  private static void assertRefused(Map<String, Object> document, String detail) {
    ScimException refused = assertThrows(ScimException.class, () -> ProfileDocument.parse(document));
    assertEquals(400, refused.status());
    assertEquals("invalidValue", refused.scimType());
    assertTrue(refused.detail().startsWith(detail), refused.detail());
    assertFalse(refused.detail().contains("java."), refused.detail());
  }
}
