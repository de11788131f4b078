package io.scimbus.groups;

import io.scimbus.runtime.store.PlainJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.patch.PatchRequest;
import io.scimbus.core.schema.ResourceSchema;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberPatchTest {
  private final MemberPatch patch = new MemberPatch(ResourceSchema.groups(),
      new MemberValues(ResourceSchema.groups()));

  @Test
  void entraAddOfMembersIsOneAdd() {
    MemberPatch.Split split = split("""
        {"op":"Add","path":"members","value":[{"$ref":null,"value":"u1"},{"value":"u2"},{"value":"u1"}]}""");
    assertEquals(List.of(new MemberOperation.Add(List.of(new Member("u1", null), new Member("u2", null)))),
        split.members());
    assertTrue(split.document().isEmpty());
  }

  @Test
  void entraRemoveByFilterRemovesThatId() {
    MemberPatch.Split split = split("""
        {"op":"Remove","path":"members[value eq \\"u1\\"]"}""");
    assertEquals(List.of(new MemberOperation.Remove(List.of("u1"))), split.members());
  }

  @Test
  void removeWithValueListRemovesOnlyThose() {
    MemberPatch.Split split = split("""
        {"op":"Remove","path":"members","value":[{"value":"u1"},{"value":"u2"}]}""");
    assertEquals(List.of(new MemberOperation.Remove(List.of("u1", "u2"))), split.members());
  }

  @Test
  void removeWithoutValueRemovesAll() {
    assertEquals(List.of(new MemberOperation.RemoveAll()), split("""
        {"op":"remove","path":"members"}""").members());
  }

  @Test
  void orOfValueComparisonsRemovesEachId() {
    assertEquals(List.of(new MemberOperation.Remove(List.of("a", "b"))), split("""
        {"op":"remove","path":"members[value eq \\"a\\" or value eq \\"b\\"]"}""").members());
  }

  @Test
  void oktaPathlessReplaceSplitsMembersFromDisplayName() {
    MemberPatch.Split split = split("""
        {"op":"replace","value":{"id":"g1","displayName":"New","members":[{"value":"u1","display":"Ann"}]}}""");
    assertEquals(List.of(new MemberOperation.Replace(List.of(new Member("u1", null)))), split.members());
    assertEquals(1, split.document().orElseThrow().operations().size());
    assertEquals(Map.of("id", "g1", "displayName", "New"), split.document().orElseThrow().operations().get(0).value());
  }

  @Test
  void urnQualifiedMembersPathIsMembers() {
    assertEquals(List.of(new MemberOperation.Add(List.of(new Member("u1", "User")))), split("""
        {"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:members",
         "value":[{"value":"u1","type":"User"}]}""").members());
  }

  @Test
  void displayNameGoesToTheDocument() {
    MemberPatch.Split split = split("""
        {"op":"Replace","path":"displayName","value":"x"}""");
    assertTrue(split.members().isEmpty());
    assertEquals("displayName", split.document().orElseThrow().operations().get(0).path());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"op\":\"remove\",\"path\":\"members[type eq \\\"User\\\"]\"}",
      "{\"op\":\"remove\",\"path\":\"members[value ne \\\"u1\\\"]\"}",
      "{\"op\":\"remove\",\"path\":\"members.value\"}",
      "{\"op\":\"replace\",\"path\":\"members[value eq \\\"u1\\\"].display\",\"value\":\"x\"}",
      "{\"op\":\"add\",\"path\":\"members[value eq \\\"u1\\\"]\",\"value\":{\"value\":\"u1\"}}"})
  void otherMemberPathsAreInvalidPath(String operation) {
    ScimException e = assertThrows(ScimException.class, () -> split(operation));
    assertEquals("invalidPath", e.scimType());
  }

  @Test
  void memberWithoutValueIsInvalidValue() {
    ScimException e = assertThrows(ScimException.class, () -> split("""
        {"op":"add","path":"members","value":[{"display":"Ann"}]}"""));
    assertEquals("invalidValue", e.scimType());
  }

  @Test
  void entraRemovesOneMemberGivenAsAnObject() {
    assertEquals(List.of(new MemberOperation.Remove(List.of("u1"))), split("""
        {"op":"Remove","path":"members","value":{"value":"u1"}}""").members());
  }

  @Test
  void typeIsCanonicalisedAndAnyOtherTypeRefused() {
    assertEquals(List.of(new MemberOperation.Add(List.of(new Member("u1", "User"), new Member("g1", "Group")))),
        split("""
            {"op":"add","path":"members","value":[{"value":"u1","type":"user"},{"value":"g1","type":"GROUP"}]}""")
            .members());
    ScimException e = assertThrows(ScimException.class, () -> split("""
        {"op":"add","path":"members","value":[{"value":"u1","type":"Device"}]}"""));
    assertEquals("invalidValue", e.scimType());
    assertEquals("members.type of member u1 must be User or Group", e.detail());
  }

  @Test
  void membersPerRequestAreCountedOverEveryOperation() {
    String half = memberArray(10_000);
    assertEquals(2, split("{\"op\":\"add\",\"path\":\"members\",\"value\":" + half + "},"
        + "{\"op\":\"add\",\"path\":\"members\",\"value\":" + half + "}").members().size());
    ScimException e = assertThrows(ScimException.class, () -> split(
        "{\"op\":\"add\",\"path\":\"members\",\"value\":" + half + "},"
        + "{\"op\":\"replace\",\"path\":\"members\",\"value\":" + memberArray(10_001) + "}"));
    assertEquals("invalidValue", e.scimType());
    assertEquals("members has 20001 values; at most 20000 are accepted per request (send more in further requests)",
        e.detail());
  }

  private static String memberArray(int count) {
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      array.append(i == 0 ? "" : ",").append("{\"value\":\"u").append(i).append("\"}");
    }
    return array.append(']').toString();
  }

  private MemberPatch.Split split(String operation) {
    JsonObject body = new JsonObject("{\"schemas\":[\"" + ScimUrns.PATCH_OP + "\"],\"Operations\":[" + operation + "]}");
    return patch.split(PatchRequest.parse(PlainJson.map(body)));
  }
}
