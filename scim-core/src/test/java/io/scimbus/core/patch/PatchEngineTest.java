package io.scimbus.core.patch;

import static io.scimbus.core.patch.Json.map;
import static io.scimbus.core.patch.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.Values;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Returned;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.Uniqueness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PatchEngineTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private final PatchEngine users = new PatchEngine(ResourceSchema.users());
  private final PatchEngine groups = new PatchEngine(ResourceSchema.groups());

  private static Map<String, Object> user() {
    return map("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
        + "'active':true,'name':{'givenName':'Barbara','familyName':'Jensen'},"
        + "'emails':[{'value':'b@work.com','type':'work','primary':true},{'value':'b@home.com','type':'home'}],"
        + "'meta':{'resourceType':'User','created':'2024-01-01T00:00:00Z'}}");
  }

  private static Map<String, Object> group() {
    return map("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'Eng',"
        + "'members':[{'value':'u1','display':'Babs'},{'value':'u2'}]}");
  }

  private static Map<String, Object> userWithExtension(String urn, String body) {
    Map<String, Object> user = user();
    user.put(urn, map(body));
    user.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User", urn));
    return user;
  }

  private Map<String, Object> patchUser(String operations) {
    return users.apply(user(), PatchRequest.parse(patch(operations)));
  }

  private Map<String, Object> patchGroup(String operations) {
    return groups.apply(group(), PatchRequest.parse(patch(operations)));
  }

  private static ScimException fails(Runnable action) {
    return assertThrows(ScimException.class, action::run);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> resource, String name) {
    return (List<Map<String, Object>>) resource.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> resource, String name) {
    return (Map<String, Object>) resource.get(name);
  }

  private static List<Object> memberIds(Map<String, Object> group) {
    return list(group, "members") == null ? List.of()
        : list(group, "members").stream().map(m -> m.get("value")).toList();
  }

  @Test
  void replaceSingleValuedAttributeCaseInsensitively() {
    Map<String, Object> patched = patchUser("[{'op':'replace','path':'DISPLAYNAME','value':'Babs'}]");
    assertEquals("Babs", patched.get("displayName"));
    assertFalse(patched.containsKey("DISPLAYNAME"));
  }

  @Test
  void replaceSubAttributeKeepsSiblings() {
    Map<String, Object> patched = patchUser("[{'op':'replace','path':'name.familyName','value':'Smith'}]");
    assertEquals(Map.of("givenName", "Barbara", "familyName", "Smith"), object(patched, "name"));
  }

  @Test
  void replaceComplexMergesSubAttributes() {
    Map<String, Object> patched = patchUser("[{'op':'replace','path':'name','value':{'middleName':'J'}}]");
    assertEquals(Map.of("givenName", "Barbara", "familyName", "Jensen", "middleName", "J"),
        object(patched, "name"));
  }

  @Test
  void addToMultiValuedAppendsAndSkipsExactDuplicates() {
    Map<String, Object> patched = patchUser("[{'op':'add','path':'emails','value':["
        + "{'value':'b@home.com','type':'home'},{'value':'b@other.com','type':'other'}]}]");
    assertEquals(List.of("b@work.com", "b@home.com", "b@other.com"),
        list(patched, "emails").stream().map(e -> e.get("value")).toList());
  }

  @Test
  void replaceMultiValuedWithoutFilterReplacesTheList() {
    Map<String, Object> patched = patchUser("[{'op':'replace','path':'emails','value':[{'value':'n@x.com'}]}]");
    assertEquals(List.of(Map.of("value", "n@x.com")), list(patched, "emails"));
  }

  @Test
  void valuePathReplacesSubAttributeOfMatchingElementOnly() {
    Map<String, Object> patched = patchUser(
        "[{'op':'Replace','path':'emails[type eq \\\"work\\\"].value','value':'new@work.com'}]");
    assertEquals("new@work.com", list(patched, "emails").get(0).get("value"));
    assertEquals("b@home.com", list(patched, "emails").get(1).get("value"));
  }

  @Test
  void valuePathWithNoMatchCreatesTheElementFromTheFilter() {
    Map<String, Object> patched = users.apply(map("{'userName':'x'}"), PatchRequest.parse(patch(
        "[{'op':'replace','path':'emails[type eq \\\"work\\\"].value','value':'x@work.com'}]")));
    assertEquals(List.of(Map.of("type", "work", "value", "x@work.com")), list(patched, "emails"));
  }

  @Test
  void primaryStringFilterCreatesPrimaryRoleWithBooleanPrimary() {
    Map<String, Object> patched = users.apply(map("{'userName':'x'}"), PatchRequest.parse(patch(
        "[{'op':'Add','path':'roles[primary eq \\\"True\\\"].value','value':'Admin'}]")));
    assertEquals(List.of(Map.of("primary", true, "value", "Admin")), list(patched, "roles"));
  }

  @Test
  void newPrimaryClearsThePreviousOne() {
    Map<String, Object> patched = patchUser(
        "[{'op':'replace','path':'emails[type eq \\\"home\\\"].primary','value':true}]");
    assertNull(list(patched, "emails").get(0).get("primary"));
    assertEquals(true, list(patched, "emails").get(1).get("primary"));
  }

  @Test
  void addingAPrimaryElementClearsThePreviousPrimary() {
    Map<String, Object> patched = patchUser(
        "[{'op':'add','path':'emails','value':[{'value':'p@x.com','primary':true}]}]");
    assertEquals(1, list(patched, "emails").stream().filter(e -> Boolean.TRUE.equals(e.get("primary"))).count());
    assertEquals(true, list(patched, "emails").get(2).get("primary"));
  }

  @Test
  void twoPrimariesInOneValueAreRejected() {
    ScimException e = fails(() -> patchUser("[{'op':'replace','path':'emails','value':["
        + "{'value':'a@x.com','primary':true},{'value':'b@x.com','primary':true}]}]"));
    assertEquals(400, e.status());
    assertEquals("invalidValue", e.scimType());
  }

  @Test
  void removeWithFilterRemovesMatchingElements() {
    Map<String, Object> patched = patchUser("[{'op':'remove','path':'emails[type eq \\\"home\\\"]'}]");
    assertEquals(List.of("b@work.com"), list(patched, "emails").stream().map(e -> e.get("value")).toList());
  }

  @Test
  void removeSingleValuedAttribute() {
    Map<String, Object> patched = patchUser("[{'op':'remove','path':'name.givenName'},"
        + "{'op':'remove','path':'active'}]");
    assertEquals(Map.of("familyName", "Jensen"), object(patched, "name"));
    assertFalse(patched.containsKey("active"));
  }

  @Test
  void removeLastElementUnassignsTheAttribute() {
    Map<String, Object> patched = patchGroup("[{'op':'remove','path':'members[value eq \\\"u1\\\"]'},"
        + "{'op':'remove','path':'members[value eq \\\"u2\\\"]'}]");
    assertFalse(patched.containsKey("members"));
  }

  @Test
  void addMembersDedupesByValue() {
    Map<String, Object> patched = patchGroup(
        "[{'op':'add','path':'members','value':[{'value':'u1','display':'Other'},{'value':'u3'}]}]");
    assertEquals(List.of("u1", "u2", "u3"), memberIds(patched));
  }

  @Test
  void removeMemberByFilter() {
    assertEquals(List.of("u2"), memberIds(patchGroup("[{'op':'remove','path':'members[value eq \\\"u1\\\"]'}]")));
  }

  @Test
  void removeOfANonMemberIsANoOp() {
    assertEquals(List.of("u1", "u2"),
        memberIds(patchGroup("[{'op':'remove','path':'members[value eq \\\"nobody\\\"]'}]")));
  }

  @Test
  void removeMembersWithValueListRemovesOnlyThoseMembers() {
    assertEquals(List.of("u1"),
        memberIds(patchGroup("[{'op':'Remove','path':'members','value':[{'value':'u2'}]}]")));
  }

  @Test
  void removeMembersWithoutValueRemovesAll() {
    assertEquals(List.of(), memberIds(patchGroup("[{'op':'remove','path':'members'}]")));
  }

  @Test
  void enterpriseAttributeByUrnPathAddsExtensionAndSchema() {
    Map<String, Object> patched = patchUser(
        "[{'op':'add','path':'" + ENTERPRISE + ":employeeNumber','value':'123'},"
        + "{'op':'add','path':'" + ENTERPRISE + ":manager.value','value':'m1'}]");
    assertEquals(Map.of("employeeNumber", "123", "manager", Map.of("value", "m1")), object(patched, ENTERPRISE));
    assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE), patched.get("schemas"));
  }

  @Test
  void removingTheLastExtensionAttributeDropsExtensionAndSchema() {
    Map<String, Object> start = userWithExtension(ENTERPRISE, "{'department':'R&D'}");
    Map<String, Object> patched = users.apply(start, PatchRequest.parse(patch(
        "[{'op':'remove','path':'" + ENTERPRISE + ":department'}]")));
    assertFalse(patched.containsKey(ENTERPRISE));
    assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User"), patched.get("schemas"));
  }

  @Test
  void bareExtensionUrnPathSetsItsAttributes() {
    Map<String, Object> patched = patchUser(
        "[{'op':'replace','path':'" + ENTERPRISE + "','value':{'Department':'Ops','costCenter':'42'}}]");
    assertEquals(Map.of("department", "Ops", "costCenter", "42"), object(patched, ENTERPRISE));
  }

  @Test
  void pathlessReplaceExpandsEveryKeyForm() {
    Map<String, Object> patched = patchUser("[{'op':'replace','value':{"
        + "'displayName':'Babs','name.givenName':'B','" + ENTERPRISE + ":employeeNumber':'7',"
        + "'" + ENTERPRISE + "':{'division':'West'},'emails[type eq \\\"work\\\"].value':'w@x.com',"
        + "'unknownCustomAttribute':'ignored'}}]");
    assertEquals("Babs", patched.get("displayName"));
    assertEquals("B", object(patched, "name").get("givenName"));
    assertEquals(Map.of("employeeNumber", "7", "division", "West"), object(patched, ENTERPRISE));
    assertEquals("w@x.com", list(patched, "emails").get(0).get("value"));
    assertFalse(patched.containsKey("unknownCustomAttribute"));
  }

  @Test
  void inputIsNeverMutated() {
    Map<String, Object> input = user();
    Map<String, Object> snapshot = Values.deepCopyMap(input);
    users.apply(input, PatchRequest.parse(patch("[{'op':'replace','path':'name.givenName','value':'X'},"
        + "{'op':'add','path':'emails','value':[{'value':'n@x.com'}]},{'op':'remove','path':'active'}]")));
    assertEquals(snapshot, input);
  }

  @Test
  void failingSecondOperationLeavesInputUntouched() {
    Map<String, Object> input = user();
    Map<String, Object> snapshot = Values.deepCopyMap(input);
    ScimException e = fails(() -> users.apply(input, PatchRequest.parse(patch(
        "[{'op':'replace','path':'displayName','value':'Changed'},{'op':'replace','path':'id','value':'x'}]"))));
    assertEquals("mutability", e.scimType());
    assertEquals(snapshot, input);
  }

  @Test
  void removingARequiredAttributeIsRejected() {
    ScimException e = fails(() -> patchUser("[{'op':'remove','path':'userName'}]"));
    assertEquals("invalidValue", e.scimType());
    assertEquals("userName is required", e.detail());
  }

  @Test
  void removeWithoutPathIsNoTarget() {
    ScimException e = fails(() -> patchUser("[{'op':'remove'}]"));
    assertEquals(400, e.status());
    assertEquals("noTarget", e.scimType());
  }

  @Test
  void echoingTheCurrentIdIsAllowed() {
    Map<String, Object> patched = patchGroup("[{'op':'replace','value':{'id':'g1','displayName':'Renamed'}}]");
    assertEquals("g1", patched.get("id"));
    assertEquals("Renamed", patched.get("displayName"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "replace | id                              | mutability",
      "replace | meta.created                    | mutability",
      "remove  | meta                            | mutability",
      "add     | groups                          | mutability",
      "replace | nickname.first                  | invalidPath",
      "replace | doesNotExist                    | invalidPath",
      "add     | urn:example:nope:attr           | invalidPath",
      "replace | emails.value                    | invalidPath",
      "replace | displayName[value eq \"x\"]       | invalidPath",
      "replace | emails[nope eq \"x\"].value      | invalidPath",
      "replace | emails[type eq \"x].value       | invalidPath",
      "replace | emails[type eq x].value         | invalidPath",
      "replace | emails[primary eq \"maybe\"]     | invalidPath",
      "replace | emails[type gt 1].value         | invalidPath",
      "replace | emails[type co \"x\"].value      | noTarget",
      "replace | emails[type eq \"x\" or type eq \"y\"].value | noTarget",
      "replace | active                          | invalidValue",
  })
  void userErrors(String op, String path, String scimType) {
    Map<String, Object> body = patch("[]");
    body.put("Operations", List.of(Map.of("op", op, "path", path, "value", "not-a-boolean-or-x")));
    ScimException e = fails(() -> users.apply(user(), PatchRequest.parse(body)));
    assertEquals(400, e.status());
    assertEquals(scimType, e.scimType(), e.detail());
  }

  @Test
  void immutableMemberValueCannotChange() {
    ScimException e = fails(() -> patchGroup(
        "[{'op':'replace','path':'members[value eq \\\"u1\\\"].value','value':'u9'}]"));
    assertEquals("mutability", e.scimType());
  }

  @Test
  void readOnlyMemberDisplayCannotBeSetThroughAPath() {
    ScimException e = fails(() -> patchGroup(
        "[{'op':'replace','path':'members[value eq \\\"u1\\\"].display','value':'x'}]"));
    assertEquals("mutability", e.scimType());
  }

  static Stream<Arguments> refusedValues() {
    return Stream.of(
        arguments("replace userName 5", op("replace", "userName", 5), "userName must be a string, got the number 5"),
        arguments("replace userName true", op("replace", "userName", true), "userName must be a string"),
        arguments("replace userName [\"a\"]", op("replace", "userName", List.of("a")),
            "userName is single-valued and needs one value, got an array"),
        arguments("path-less userName 5", op("replace", null, Map.of("userName", 5)), "userName must be a string"),
        arguments("replace a sub-attribute with a number", op("replace", "name.givenName", 1),
            "name.givenName must be a string"),
        arguments("add emails as one object", op("add", "emails", Map.of("value", "x@y.com")),
            "emails is multi-valued and needs an array, got an object"),
        arguments("add emails as strings", op("add", "emails", List.of("x@y.com")), "emails must be an object"),
        arguments("value path with a number", op("replace", "emails[type eq \"work\"].value", 5),
            "emails[type eq \"work\"].value must be a string"),
        arguments("NUL in a value", op("replace", "title", "a\u0000"), "title contains the control character U+0000"),
        arguments("NUL in an extension value", op("add", ENTERPRISE + ":department", "\u0000"),
            ENTERPRISE + ":department contains the control character U+0000"),
        arguments("tab in userName", op("replace", "userName", "a\tb"), "userName contains the control character"),
        arguments("long userName", op("replace", "userName", "x".repeat(3000)),
            "userName is longer than 1024 bytes (UTF-8)"),
        arguments("1,001 emails added to 2", op("add", "emails", emails(999)),
            "emails has 1001 values; at most 1000 are accepted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedValues")
  void refusedValuesAreInvalidValueAndChangeNothing(String name, Map<String, Object> operation, String detail) {
    Map<String, Object> body = patch("[]");
    body.put("Operations", List.of(operation));
    Map<String, Object> before = user();
    ScimException e = fails(() -> users.apply(before, PatchRequest.parse(body)));
    assertEquals(400, e.status());
    assertEquals("invalidValue", e.scimType());
    assertTrue(e.detail().startsWith(detail), e.detail());
    assertEquals(user(), before);
  }

  private static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("op", op);
    if (path != null) {
      operation.put("path", path);
    }
    operation.put("value", value);
    return operation;
  }

  private static List<Object> emails(int count) {
    List<Object> emails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      emails.add(Map.of("value", i + "@x.com"));
    }
    return emails;
  }

  @Test
  void stringNumbersAndBooleansAreCoercedToTheSchemaType() {
    Map<String, Object> patched = patchUser("[{'op':'replace','path':'active','value':'False'},"
        + "{'op':'replace','path':'emails[type eq \\\"home\\\"].primary','value':'true'}]");
    assertEquals(false, patched.get("active"));
    assertEquals(true, list(patched, "emails").get(1).get("primary"));
  }

  // Full filter grammar in PATCH value paths.

  private static Map<String, Object> userWithEmails(String emails) {
    return map("{'userName':'bjensen','emails':" + emails + "}");
  }

  @Test
  void andWithCoSelectsOnlyElementsMatchingBoth() {
    Map<String, Object> patched = users.apply(userWithEmails("[{'value':'a@x.com','type':'work'},"
        + "{'value':'b@y.com','type':'work'},{'value':'c@x.com','type':'home'}]"), PatchRequest.parse(patch(
        "[{'op':'add','path':'emails[type eq \\\"work\\\" and value co \\\"@x.com\\\"].display','value':'A'}]")));
    assertEquals(List.of(Map.of("value", "a@x.com", "type", "work", "display", "A"),
        Map.of("value", "b@y.com", "type", "work"), Map.of("value", "c@x.com", "type", "home")),
        list(patched, "emails"));
  }

  @Test
  void orRemovesEveryMemberItMatches() {
    Map<String, Object> start = group();
    start.put("members", List.of(Map.of("value", "u1"), Map.of("value", "u2"), Map.of("value", "u3")));
    Map<String, Object> patched = groups.apply(start, PatchRequest.parse(patch(
        "[{'op':'remove','path':'members[value eq \\\"u1\\\" or value eq \\\"u3\\\"]'}]")));
    assertEquals(List.of("u2"), memberIds(patched));
  }

  @Test
  void orReplacesTheSubAttributeOfEveryMatch() {
    Map<String, Object> patched = patchUser(
        "[{'op':'replace','path':'emails[type eq \\\"home\\\" or value sw \\\"b@w\\\"].display','value':'D'}]");
    assertEquals(List.of("D", "D"), list(patched, "emails").stream().map(e -> e.get("display")).toList());
  }

  @Test
  void nonEqFilterThatMatchesReplacesWholeElements() {
    Map<String, Object> patched = patchUser(
        "[{'op':'replace','path':'emails[value ew \\\"@HOME.com\\\"]','value':{'value':'n@home.com'}}]");
    assertEquals(List.of("b@work.com", "n@home.com"),
        list(patched, "emails").stream().map(e -> e.get("value")).toList());
    assertNull(list(patched, "emails").get(1).get("type"));
  }

  @Test
  void addressesValuePathUpdatesTheMatchingAddressOrCreatesIt() {
    Map<String, Object> start = user();
    start.put("addresses", List.of(map("{'type':'home','streetAddress':'1 Home St'}"),
        map("{'type':'work','streetAddress':'1 Old Rd'}")));
    String op = "[{'op':'replace','path':'addresses[type eq \\\"work\\\"].streetAddress','value':'2 New Rd'}]";
    Map<String, Object> patched = users.apply(start, PatchRequest.parse(patch(op)));
    assertEquals(List.of(Map.of("type", "home", "streetAddress", "1 Home St"),
        Map.of("type", "work", "streetAddress", "2 New Rd")), list(patched, "addresses"));

    Map<String, Object> created = users.apply(map("{'userName':'x'}"), PatchRequest.parse(patch(op)));
    assertEquals(List.of(Map.of("type", "work", "streetAddress", "2 New Rd")), list(created, "addresses"));
  }

  @Test
  void eqAndFilterWithNoMatchCreatesTheElementWithEveryComparison() {
    Map<String, Object> patched = users.apply(map("{'userName':'x'}"), PatchRequest.parse(patch(
        "[{'op':'add','path':'emails[type eq \\\"work\\\" and primary eq \\\"True\\\"].value','value':'w@x.com'}]")));
    assertEquals(List.of(Map.of("type", "work", "primary", true, "value", "w@x.com")), list(patched, "emails"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "add     | emails[value co \"@nowhere\"].value",
      "replace | emails[type eq \"a\" or type eq \"b\"].value",
      "add     | emails[type eq \"a\" and type eq \"b\"].value",
      "replace | emails[type eq \"a\" and value pr].value",
      "add     | emails[type ne \"work\"]",
  })
  void filterThatMatchesNothingAndDescribesNoElementIsNoTarget(String op, String path) {
    Map<String, Object> body = patch("[]");
    Object value = path.endsWith("]") ? Map.of("value", "n@x.com") : "n@x.com";
    body.put("Operations", List.of(Map.of("op", op, "path", path, "value", value)));
    Map<String, Object> start = userWithEmails("[{'value':'a@x.com','type':'work'}]");
    Map<String, Object> snapshot = Values.deepCopyMap(start);
    ScimException e = fails(() -> users.apply(start, PatchRequest.parse(body)));
    assertEquals(400, e.status());
    assertEquals("noTarget", e.scimType(), e.detail());
    assertEquals(snapshot, start);
  }

  // Tenant extensions: bare URNs are recognised through the resource type's schema, not a built-in list.

  private static final String TENANT = "urn:example:scim:tenant:2.0:User";

  private static PatchEngine tenantUsers() {
    AttributeDefinition badge = new AttributeDefinition("badge", AttributeType.STRING, false, null, false, false,
        Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of());
    return new PatchEngine(ResourceSchema.users()
        .withExtensions(List.of(new Schema(TENANT, "Tenant", null, List.of(badge)))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'op':'add','path':'" + TENANT + "','value':{'Badge':'B7'}}",
      "{'op':'add','value':{'" + TENANT + "':{'badge':'B7'}}}",
      "{'op':'add','value':{'" + TENANT + ":badge':'B7'}}",
      "{'op':'replace','path':'" + TENANT + ":badge','value':'B7'}",
  })
  void tenantExtensionUrnAddsTheExtensionAndItsSchema(String operation) {
    Map<String, Object> patched = tenantUsers().apply(user(), PatchRequest.parse(patch("[" + operation + "]")));
    assertEquals(Map.of("badge", "B7"), object(patched, TENANT));
    assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User", TENANT), patched.get("schemas"));
  }

  @Test
  void bareTenantUrnRemoveDropsTheExtension() {
    Map<String, Object> start = userWithExtension(TENANT, "{'badge':'B7'}");
    Map<String, Object> patched = tenantUsers().apply(start, PatchRequest.parse(patch(
        "[{'op':'remove','path':'" + TENANT.toLowerCase() + "'}]")));
    assertFalse(patched.containsKey(TENANT));
    assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User"), patched.get("schemas"));
  }

  @Test
  void bareCoreUrnPathSetsCoreAttributesButCannotBeRemoved() {
    String core = "urn:ietf:params:scim:schemas:core:2.0:User";
    Map<String, Object> patched = patchUser(
        "[{'op':'replace','path':'" + core + "','value':{'displayName':'Babs','name':{'givenName':'B'}}}]");
    assertEquals("Babs", patched.get("displayName"));
    assertEquals("B", object(patched, "name").get("givenName"));
    ScimException e = fails(() -> patchUser("[{'op':'remove','path':'" + core + "'}]"));
    assertEquals("invalidPath", e.scimType());
  }
}
