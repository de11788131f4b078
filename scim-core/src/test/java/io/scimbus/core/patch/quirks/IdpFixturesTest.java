package io.scimbus.core.patch.quirks;

import static io.scimbus.core.patch.Json.map;
import static io.scimbus.core.patch.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.patch.PatchEngine;
import io.scimbus.core.patch.PatchRequest;
import io.scimbus.core.resource.StringBooleans;
import io.scimbus.core.schema.ResourceSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PATCH requests Entra ID and Okta document, byte for byte, against the engine. */
class IdpFixturesTest {
  private final PatchEngine users = new PatchEngine(ResourceSchema.users());
  private final PatchEngine groups = new PatchEngine(ResourceSchema.groups());

  private static Map<String, Object> user() {
    return map("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1','userName':'bjensen',"
        + "'active':true,'emails':[{'value':'old@work.com','type':'work','primary':true}]}");
  }

  private static Map<String, Object> group() {
    return map("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
        + "'id':'abf4dd94-a4c0-4f67-89c9-76b03340cb9b','displayName':'Eng','members':[{'value':'keep'}]}");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> memberIds(Map<String, Object> group) {
    return ((List<Map<String, Object>>) group.get("members")).stream().map(m -> m.get("value")).toList();
  }

  @Test
  void capitalisedOpNames() {
    assertEquals("replace", CapitalisedOpNames.canonical("Replace"));
    Map<String, Object> patched = users.apply(user(), PatchRequest.parse(patch(
        "[{'op':'Replace','path':'emails[type eq \\\"work\\\"].value','value':'updatedEmail@microsoft.com'},"
        + "{'op':'Replace','path':'name.familyName','value':'updatedFamilyName'}]")));
    assertEquals("updatedFamilyName", ((Map<?, ?>) patched.get("name")).get("familyName"));
    assertEquals("updatedEmail@microsoft.com", ((Map<?, ?>) ((List<?>) patched.get("emails")).get(0)).get("value"));
  }

  @Test
  void stringBooleans() {
    assertEquals(Optional.of(false), StringBooleans.parse("False"));
    assertEquals(Optional.of(true), StringBooleans.parse("TRUE"));
    assertEquals(Optional.of(true), StringBooleans.parse(true));
    assertEquals(Optional.empty(), StringBooleans.parse("yes"));
    assertEquals(Optional.empty(), StringBooleans.parse(1));
    Map<String, Object> patched = users.apply(user(), PatchRequest.parse(patch(
        "[{'op':'Replace','path':'active','value':'False'},"
        + "{'op':'Add','path':'emails[primary eq \\\"True\\\"].display','value':'Work'}]")));
    assertEquals(false, patched.get("active"));
    assertEquals(List.of(Map.of("value", "old@work.com", "type", "work", "primary", true, "display", "Work")),
        patched.get("emails"));
  }

  @Test
  void entraPathlessReplaceOfActiveAsString() {
    Map<String, Object> patched = users.apply(user(), PatchRequest.parse(patch(
        "[{'op':'Replace','value':{'active':'False'}}]")));
    assertEquals(false, patched.get("active"));
  }

  @Test
  void entraManagerAsAPlainStringId() {
    String manager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
    for (String op : List.of("Add", "Replace")) {
      Map<String, Object> patched = users.apply(user(), PatchRequest.parse(patch(
          "[{'op':'" + op + "','path':'" + manager + "','value':'123456'}]")));
      assertEquals(Map.of("manager", Map.of("value", "123456")),
          patched.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
    }
    Map<String, Object> pathless = users.apply(user(), PatchRequest.parse(patch(
        "[{'op':'Add','value':{'" + manager + "':'123456'}}]")));
    assertEquals(Map.of("manager", Map.of("value", "123456")),
        pathless.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
  }

  @Test
  void entraAddsManyMembersInOneOperation() {
    Map<String, Object> patched = groups.apply(group(), PatchRequest.parse(patch(
        "[{'op':'Add','path':'members','value':[{'value':'id1'},{'value':'id2'},{'value':'keep'}]}]")));
    assertEquals(List.of("keep", "id1", "id2"), memberIds(patched));
  }

  @Test
  void entraRemovesMembersWithAValueList() {
    Map<String, Object> start = group();
    start.put("members", List.of(Map.of("value", "keep"), Map.of("value", "f648f8d5-ea3e-4ff8-b9d6-fe9c3b3a7f5f")));
    Map<String, Object> patched = groups.apply(start, PatchRequest.parse(patch(
        "[{'op':'Remove','path':'members','value':[{'value':'f648f8d5-ea3e-4ff8-b9d6-fe9c3b3a7f5f'}]}]")));
    assertEquals(List.of("keep"), memberIds(patched));
    assertTrue(MemberRemovalByValue.appliesTo(List.of(Map.of("value", "x"))));
    assertFalse(MemberRemovalByValue.appliesTo(null));
  }

  @Test
  void oktaPathlessReplaceDeactivates() {
    Map<String, Object> patched = users.apply(user(), PatchRequest.parse(patch(
        "[{'op':'replace','value':{'active':false}}]")));
    assertEquals(false, patched.get("active"));
  }

  @Test
  void oktaGroupRenameEchoesTheId() {
    Map<String, Object> patched = groups.apply(group(), PatchRequest.parse(patch(
        "[{'op':'replace','value':{'id':'abf4dd94-a4c0-4f67-89c9-76b03340cb9b','displayName':'Test SCIMv2'}}]")));
    assertEquals("Test SCIMv2", patched.get("displayName"));
    assertEquals("abf4dd94-a4c0-4f67-89c9-76b03340cb9b", patched.get("id"));
    ScimException e = assertThrows(ScimException.class, () -> groups.apply(group(), PatchRequest.parse(patch(
        "[{'op':'replace','value':{'id':'other','displayName':'Test SCIMv2'}}]"))));
    assertEquals("mutability", e.scimType());
  }

  @Test
  void entraRemovesMemberByFilter() {
    Map<String, Object> patched = groups.apply(group(), PatchRequest.parse(patch(
        "[{'op':'remove','path':'members[value eq \\\"keep\\\"]'}]")));
    assertFalse(patched.containsKey("members"));
  }
}
