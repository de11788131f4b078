package io.scimbus.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ResourceNormalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileEnforcerTest {
  private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:2.0:CustomExtensionName";
  private static final String METADATA = "urn:ietf:params:scim:schemas:extension:2.0:Metadata";

  private static Map<String, Object> enforce(String preset, Map<String, Object> body) {
    TenantProfile profile = Presets.named(preset);
    Map<String, Object> canonical = new ResourceNormalizer(profile.userSchema()).normalize(body);
    return new ProfileEnforcer(profile.userSchema(), profile.users()).apply(canonical);
  }

  private static ScimException rejected(String preset, Map<String, Object> body) {
    return assertThrows(ScimException.class, () -> enforce(preset, body));
  }

  private static Map<String, Object> fullUser() {
    return Map.of(
        "userName", "ada@example.com",
        "externalId", "ext-1",
        "title", "Countess",
        "name", Map.of("givenName", "Ada", "familyName", "Lovelace", "middleName", "Augusta"),
        "emails", List.of(Map.of("type", "work", "value", "Ada@Example.com", "primary", true),
            Map.of("type", "home", "value", "ada@home.example")),
        "roles", List.of(Map.of("value", "Admin", "primary", true)));
  }

  @Test
  void minimalUsersKeepsOnlyTheAcceptedAttributes() {
    Map<String, Object> kept = enforce(Presets.MINIMAL_USERS, fullUser());

    assertEquals(Set.of("schemas", "userName", "externalId", "name", "emails"), kept.keySet());
    assertEquals(Map.of("givenName", "Ada", "familyName", "Lovelace"), kept.get("name"));
    assertEquals(List.of(Map.of("type", "work", "value", "Ada@Example.com", "primary", true)), kept.get("emails"));
  }

  @Test
  void minimalUsersRequiresNamesAndWorkEmail() {
    assertTrue(rejected(Presets.MINIMAL_USERS, Map.of("userName", "a", "name", Map.of("givenName", "A"),
        "emails", List.of(Map.of("type", "work", "value", "a@x.com")))).detail().contains("name.familyName"));
    ScimException noWorkEmail = rejected(Presets.MINIMAL_USERS, Map.of("userName", "a",
        "name", Map.of("givenName", "A", "familyName", "B"),
        "emails", List.of(Map.of("type", "home", "value", "a@x.com"))));
    assertEquals("invalidValue", noWorkEmail.scimType());
    assertTrue(noWorkEmail.detail().contains("emails[type eq \"work\"].value"), noWorkEmail.detail());
  }

  @Test
  void minimalUsersReportsTheWorkEmailForTenantUniqueness() {
    TenantProfile profile = Presets.named(Presets.MINIMAL_USERS);
    ProfileEnforcer enforcer = new ProfileEnforcer(profile.userSchema(), profile.users());
    Map<String, Object> kept = enforcer.apply(new ResourceNormalizer(profile.userSchema()).normalize(fullUser()));

    assertEquals(Map.of("emails[type eq \"work\"].value", Set.of("ada@example.com")), enforcer.uniqueValues(kept));
  }

  @Test
  void appRolesRefusesARoleTheAppDoesNotDefine() {
    Map<String, Object> user = Map.of("userName", "u", "roles", List.of(Map.of("value", "Viewer"),
        Map.of("value", "Editor")));
    assertEquals(2, ((List<?>) enforce(Presets.APP_ROLES, user).get("roles")).size());

    ScimException unknown = rejected(Presets.APP_ROLES, Map.of("userName", "u",
        "roles", List.of(Map.of("value", "Owner", "primary", "True"))));
    assertEquals(400, unknown.status());
    assertEquals("invalidValue", unknown.scimType());
    assertTrue(unknown.detail().contains("\"Owner\""), unknown.detail());
  }

  @Test
  void enterpriseToolkitChecksUserTypeExactlyAndUserNameIsAnEmail() {
    assertEquals("Premium", enforce(Presets.ENTERPRISE_TOOLKIT,
        Map.of("userName", "a@b.com", "userType", "Premium")).get("userType"));
    assertTrue(rejected(Presets.ENTERPRISE_TOOLKIT, Map.of("userName", "a@b.com", "userType", "premium"))
        .detail().contains("userType"));
    assertTrue(rejected(Presets.ENTERPRISE_TOOLKIT, Map.of("userName", "not-an-email"))
        .detail().contains("userName"));
    assertTrue(rejected(Presets.ENTERPRISE_TOOLKIT, Map.of("userName", "a@b.com",
        "roles", List.of(Map.of("value", "SuperUser")))).detail().contains("SuperUser"));
  }

  @Test
  void enterpriseToolkitStoresFoldersAndMetadataAsStrings() {
    Map<String, Object> kept = enforce(Presets.ENTERPRISE_TOOLKIT, Map.of("userName", "a@b.com",
        CUSTOM, Map.of("folders", List.of("f-1", "ext-folder-9")),
        METADATA, Map.of("badgeId", "4711", "site", "North")));

    assertEquals(Map.of("folders", List.of("f-1", "ext-folder-9")), kept.get(CUSTOM));
    assertEquals(Map.of("badgeId", "4711", "site", "North"), kept.get(METADATA));
    assertTrue(((List<?>) kept.get("schemas")).containsAll(List.of(CUSTOM, METADATA)));
  }

  @Test
  void aStrictProfileRefusesWhatItDoesNotAccept() {
    TenantProfile strict = ProfileDocument.parse(Map.of("name", "strict",
        "users", Map.of("accepted", List.of("userName", "displayName"), "rejectOthers", true)));
    ProfileEnforcer enforcer = new ProfileEnforcer(strict.userSchema(), strict.users());
    ResourceNormalizer normalizer = new ResourceNormalizer(strict.userSchema());

    assertEquals("D", enforcer.apply(normalizer.normalize(Map.of("userName", "u", "displayName", "D")))
        .get("displayName"));
    assertEquals("E", enforcer.apply(normalizer.normalize(Map.of("userName", "u", "externalId", "E")))
        .get("externalId"));
    ScimException refused = assertThrows(ScimException.class,
        () -> enforcer.apply(normalizer.normalize(Map.of("userName", "u", "title", "T"))));
    assertTrue(refused.detail().contains("title"), refused.detail());
  }

  @Test
  void profileDocumentsNamingNoAttributeAreRefusedWhenSet() {
    ScimException typo = assertThrows(ScimException.class, () -> ProfileDocument.parse(Map.of(
        "users", Map.of("required", List.of("name.givenNam")))));
    assertEquals("invalidValue", typo.scimType());
    assertTrue(typo.detail().contains("name.givenNam"), typo.detail());
    assertThrows(ScimException.class, () -> ProfileDocument.parse(Map.of(
        "users", Map.of("patterns", Map.of("userName", "([a-z")))));
  }

  @Test
  void everyPresetSurvivesItsOwnJsonForm() {
    for (String name : Presets.NAMES) {
      TenantProfile preset = Presets.named(name);
      assertEquals(preset, ProfileDocument.parse(ProfileDocument.toMap(preset)), name);
    }
    assertFalse(Presets.named(Presets.MINIMAL_USERS).groups().enabled());
    assertEquals("invalidValue", assertThrows(ScimException.class, () -> Presets.named("nope")).scimType());
  }

  @Test
  void aUniqueValueMustFitTheIndexThatEnforcesIt() {
    ResourceRules rules = new ResourceRules(true, List.of(), false, List.of(), Map.of(), Map.of(),
        List.of("nickName"));
    ProfileEnforcer enforcer = new ProfileEnforcer(TenantProfile.standard().userSchema(), rules);
    ScimException e = assertThrows(ScimException.class,
        () -> enforcer.apply(Map.of("userName", "b", "nickName", "x".repeat(1025))));
    assertEquals("invalidValue", e.scimType());
    assertEquals("nickName is longer than 1024 bytes (UTF-8), the limit for this attribute", e.detail());
    assertEquals("x".repeat(1024), enforcer.apply(Map.of("userName", "b", "nickName", "x".repeat(1024)))
        .get("nickName"));
  }
}
