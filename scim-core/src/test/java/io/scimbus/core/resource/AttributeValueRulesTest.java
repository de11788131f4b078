package io.scimbus.core.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Types, shapes, sizes and characters of attribute values: each rule, one row per case, through the normaliser. */
class AttributeValueRulesTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final ResourceNormalizer USERS = new ResourceNormalizer(ResourceSchema.users());
  private static final ResourceNormalizer GROUPS = new ResourceNormalizer(ResourceSchema.groups());

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        arguments("number for a string", user("userName", 123), "userName must be a string, got the number 123"),
        arguments("boolean for a string", user("userName", true), "userName must be a string, got a boolean"),
        arguments("array for a single value", user("userName", List.of("a")),
            "userName is single-valued and needs one value, got an array"),
        arguments("object for a string", user("userName", Map.of("v", "a")), "userName must be a string, got an object"),
        arguments("number for a sub-attribute", user("name", Map.of("givenName", 5)),
            "name.givenName must be a string, got the number 5"),
        arguments("number for a boolean", user("active", 1), "active must be a boolean, got the number 1"),
        arguments("object for a multi-valued attribute", user("emails", Map.of("value", "a@x.com")),
            "emails is multi-valued and needs an array, got an object"),
        arguments("strings for complex values", user("emails", List.of("a@x.com")),
            "emails must be an object, got a string"),
        arguments("number for an extension string", user(ENTERPRISE, Map.of("employeeNumber", 42)),
            ENTERPRISE + ":employeeNumber must be a string, got the number 42"),
        arguments("number for manager", user(ENTERPRISE, Map.of("manager", 7)),
            ENTERPRISE + ":manager must be an object, got a number"),
        arguments("group member as a string", group("members", List.of("u1")),
            "members must be an object, got a string"),
        arguments("group members as one object", group("members", Map.of("value", "u1")),
            "members is multi-valued and needs an array, got an object"));
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        arguments("userName over 1,024 bytes", user("userName", ascii(1025)),
            "userName is longer than 1024 bytes (UTF-8)"),
        arguments("userName of 342 three-byte characters", user("userName", "€".repeat(342)),
            "userName is longer than 1024 bytes (UTF-8)"),
        arguments("externalId over 1,024 bytes", user("externalId", ascii(3000)),
            "externalId is longer than 1024 bytes (UTF-8)"),
        arguments("user displayName over 1,024 bytes", user("displayName", ascii(3000)),
            "displayName is longer than 1024 bytes (UTF-8)"),
        arguments("email value over 1,024 bytes", user("emails", List.of(Map.of("value", ascii(1025)))),
            "emails.value is longer than 1024 bytes (UTF-8)"),
        arguments("title over 16,384 bytes", user("title", ascii(16_385)), "title is longer than 16384 bytes (UTF-8)"),
        arguments("nickName of a megabyte", user("nickName", ascii(1 << 20)),
            "nickName is longer than 16384 bytes (UTF-8)"),
        arguments("1,001 emails", user("emails", emails(1001)), "emails has 1001 values; at most 1000 are accepted"),
        arguments("400,000 emails", user("emails", emails(400_000)),
            "emails has 400000 values; at most 1000 are accepted"),
        arguments("group displayName over 1,024 bytes", group("displayName", ascii(3000)),
            "displayName is longer than 1024 bytes (UTF-8)"),
        arguments("member value over 1,024 bytes", group("members", List.of(Map.of("value", ascii(3000)))),
            "members.value is longer than 1024 bytes (UTF-8)"),
        arguments("20,001 members", group("members", members(20_001)),
            "members has 20001 values; at most 20000 are accepted per request"));
  }

  static Stream<Arguments> controlCharacters() {
    return Stream.of(
        arguments("NUL in userName", user("userName", "a\u0000b"), "userName contains the control character U+0000"),
        arguments("NUL in free text", user("title", "a\u0000"), "title contains the control character U+0000"),
        arguments("NUL in an extension", user(ENTERPRISE, Map.of("department", "\u0000")),
            ENTERPRISE + ":department contains the control character U+0000"),
        arguments("tab in userName", user("userName", "a\tb"), "userName contains the control character U+0009"),
        arguments("newline in externalId", user("externalId", "a\nb"),
            "externalId contains the control character U+000A"),
        arguments("bell in free text", user("title", "a\u0007"), "title contains the control character U+0007"),
        arguments("escape in an email", user("emails", List.of(Map.of("value", "a\u001b@x.com"))),
            "emails.value contains the control character U+001B"),
        arguments("NUL in a group displayName", group("displayName", "\u0000"),
            "displayName contains the control character U+0000"),
        arguments("tab in a group displayName", group("displayName", "a\tb"),
            "displayName contains the control character U+0009"),
        arguments("NUL in a member value", group("members", List.of(Map.of("value", "u\u0000"))),
            "members.value contains the control character U+0000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"wrongTypes", "limits", "controlCharacters"})
  void refusedWithInvalidValue(String name, Body body, String detail) {
    assertRefused(() -> body.normalizer().normalize(body.json()), detail);
  }

  @Test
  void freeTextKeepsTabsAndLineBreaksAndLimitsAreInclusive() {
    Map<String, Object> out = USERS.normalize(Map.of("userName", ascii(1024), "title", "a\tb\r\nc",
        "nickName", ascii(16_384), "emails", emails(1000)));
    assertEquals("a\tb\r\nc", out.get("title"));
    assertEquals(1000, ((List<?>) out.get("emails")).size());
    assertEquals(20_000, ((List<?>) GROUPS.normalize(Map.of("displayName", "g", "members", members(20_000)))
        .get("members")).size());
  }

  @Test
  void aDetailNeverEchoesAHugeValue() {
    ScimException e = assertThrows(ScimException.class,
        () -> USERS.normalize(Map.of("userName", "b", "active", ascii(100_000))));
    assertTrue(e.detail().length() < 100, e.detail());
  }

  static void assertRefused(Executable write, String detail) {
    ScimException e = assertThrows(ScimException.class, write);
    assertEquals(400, e.status());
    assertEquals("invalidValue", e.scimType());
    assertTrue(e.detail().startsWith(detail), e.detail());
  }

  /** A request body and the resource type it is sent to. */
  record Body(ResourceNormalizer normalizer, Map<String, Object> json) {
  }

  private static Body user(String attribute, Object value) {
    return new Body(USERS, "userName".equals(attribute) ? Map.of("userName", value)
        : Map.of("userName", "b", attribute, value));
  }

  private static Body group(String attribute, Object value) {
    return new Body(GROUPS, "displayName".equals(attribute) ? Map.of("displayName", value)
        : Map.of("displayName", "g", attribute, value));
  }

  static String ascii(int length) {
    return "x".repeat(length);
  }

  private static List<Object> emails(int count) {
    List<Object> emails = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      emails.add(Map.of("value", "u" + i + "@x.com"));
    }
    return emails;
  }

  private static List<Object> members(int count) {
    return new ArrayList<>(Collections.nCopies(count, Map.of("value", "u")));
  }
}
