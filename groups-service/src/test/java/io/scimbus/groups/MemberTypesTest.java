package io.scimbus.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.core.error.ScimException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberTypesTest {
  private static final String GROUP_ID = "0b5c1f57-6a43-4a36-9f5e-3d5f2c1e8a90";
  private static final String OTHER_ID = "6c7e9a1b-2f4d-4e8a-b1c3-5d6e7f8a9b0c";
  private static final Set<UUID> GROUPS = Set.of(UUID.fromString(GROUP_ID));

  @ParameterizedTest(name = "{0} with type {1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      GROUP_ID + ",                  -,     Group",
      GROUP_ID + ",                  Group, Group",
      "0B5C1F57-6A43-4A36-9F5E-3D5F2C1E8A90, -, Group",
      OTHER_ID + ",                  -,     User",
      OTHER_ID + ",                  User,  User",
      "not-a-uuid,                   -,     User",
      "not-a-uuid,                   User,  User"})
  void typeFollowsTheId(String id, String type, String derived) {
    assertEquals(List.of(new Member(id, derived)), MemberTypes.derive(List.of(new Member(id, type)), GROUPS));
  }

  @ParameterizedTest(name = "{0} with type {1}")
  @CsvSource({GROUP_ID + ", User", OTHER_ID + ", Group", "not-a-uuid, Group"})
  void aContradictingTypeIsInvalidValue(String id, String type) {
    ScimException e = assertThrows(ScimException.class,
        () -> MemberTypes.derive(List.of(new Member(id, type)), GROUPS));
    assertEquals("invalidValue", e.scimType());
  }
}
