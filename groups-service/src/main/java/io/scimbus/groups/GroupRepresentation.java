package io.scimbus.groups;

import io.scimbus.core.resource.ResourceProjection;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.resource.Representation;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The SCIM representation of a group, members included when given, narrowed by attributes/excludedAttributes. */
final class GroupRepresentation {
  // A group holding one member: what survives its projection tells whether a response shows members at all.
  private static final Map<String, Object> MEMBERS_PROBE = Map.of(GroupService.MEMBERS, List.of(Map.of("value", "m")));

  private final ResourceProjection projection;

  GroupRepresentation(ResourceSchema schema) {
    this.projection = new ResourceProjection(schema);
  }

  /**
   * Whether a response under these lists shows members; when it does not, callers skip the members query, which is
   * what keeps {@code excludedAttributes=members} cheap on a group of 100,000.
   */
  boolean showsMembers(String attributes, String excludedAttributes) {
    return projection.project(MEMBERS_PROBE, attributes, excludedAttributes).containsKey(GroupService.MEMBERS);
  }

  /** The representation holding {@code members} (none: no {@code members} attribute), then projected. */
  JsonObject of(StoredGroup group, List<Member> members, String baseUrl, String attributes,
      String excludedAttributes) {
    JsonObject full = of(group, members, baseUrl);
    if (isBlank(attributes) && isBlank(excludedAttributes)) {
      return full;
    }
    return new JsonObject(projection.project(PlainJson.map(full), attributes, excludedAttributes));
  }

  /** The whole representation holding {@code members}; none gives no {@code members} attribute. */
  JsonObject of(StoredGroup group, List<Member> members, String baseUrl) {
    JsonObject resource = group.resource().copy();
    if (!members.isEmpty()) {
      JsonArray array = new JsonArray();
      members.forEach(member -> array.add(member.toJson(baseUrl)));
      resource.put(GroupService.MEMBERS, array);
    }
    return Representation.of(GroupService.RESOURCE_TYPE, GroupService.ENDPOINT, group.id().toString(), resource,
        group.version(), group.created(), group.lastModified(), baseUrl);
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
