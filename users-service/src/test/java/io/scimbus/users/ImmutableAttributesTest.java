package io.scimbus.users;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.SchemaLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant extension with an immutable attribute, since core User marks none immutable. */
class ImmutableAttributesTest {
  private static final String URN = "urn:ietf:params:scim:schemas:extension:2.0:Badge";
  private static final ImmutableAttributes IMMUTABLES = new ImmutableAttributes(ResourceSchema.users()
      .withExtensions(List.of(SchemaLoader.fromMap(Map.of("id", URN, "name", "Badge", "attributes", List.of(
          Map.of("name", "badgeNumber", "type", "string", "mutability", "immutable")))))));

  @Test
  void unsetImmutableMayBeSet() {
    assertDoesNotThrow(() -> IMMUTABLES.checkReplace(Map.of("userName", "a"),
        Map.of("userName", "a", URN, Map.of("badgeNumber", "7"))));
  }

  @Test
  void sameValueMayBeSentBack() {
    Map<String, Object> user = Map.of("userName", "a", URN, Map.of("badgeNumber", "7"));
    assertDoesNotThrow(() -> IMMUTABLES.checkReplace(user, Map.of("userName", "b", URN, Map.of("badgeNumber", "7"))));
  }

  @Test
  void changedOrDroppedValueIsMutabilityError() {
    Map<String, Object> user = Map.of("userName", "a", URN, Map.of("badgeNumber", "7"));
    for (Map<String, Object> replacement : List.<Map<String, Object>>of(
        Map.of("userName", "a", URN, Map.of("badgeNumber", "8")), Map.of("userName", "a"))) {
      ScimException e = assertThrows(ScimException.class, () -> IMMUTABLES.checkReplace(user, replacement));
      assertEquals(400, e.status());
      assertEquals("mutability", e.scimType());
    }
  }
}
