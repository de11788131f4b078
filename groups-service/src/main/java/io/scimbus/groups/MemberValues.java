package io.scimbus.groups;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.resource.ValueLimits;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@code members} values of a POST, PUT or PATCH into {@link Member}s. A member's {@code value} must be a
 * non-empty string; whether it names an existing user or group is not checked, because those rows belong to
 * users-service (see {@link GroupService}). A value listed twice counts once, so SQL sees each id once.
 */
final class MemberValues {
  private final ResourceNormalizer normalizer;
  private final AttributeDefinition members;

  MemberValues(ResourceSchema schema) {
    this.normalizer = new ResourceNormalizer(schema);
    this.members = schema.resolve(AttributePath.of(GroupService.MEMBERS)).orElseThrow().attribute();
  }

  /** The members in {@code value} (an array of member objects); empty for null or []. */
  List<Member> parse(Object value) {
    if (value == null) {
      return List.of();
    }
    Object normalized = normalizer.normalizeAttribute(members, value, GroupService.MEMBERS);
    List<?> elements = normalized instanceof List<?> list ? list : List.of();
    // The normalizer drops elements it finds empty ({"display": "x"}); for members that is a client error.
    if (elements.size() != sizeOf(value)) {
      throw ScimException.invalidValue("every element of members needs a non-empty string value");
    }
    Map<String, Member> unique = new LinkedHashMap<>();
    for (Object element : elements) {
      Map<?, ?> map = (Map<?, ?>) element;
      if (!(map.get("value") instanceof String id) || id.isBlank()) {
        throw ScimException.invalidValue("every element of members needs a non-empty string value, got " + map);
      }
      unique.putIfAbsent(id, new Member(id, MemberTypes.canonical(map.get("type"), id)));
    }
    return new ArrayList<>(unique.values());
  }

  /** Throws invalidValue when one request names more members than {@link ValueLimits} allows. */
  void checkPerRequest(int count) {
    ValueLimits.checkCount(members, count, GroupService.MEMBERS);
  }

  private static int sizeOf(Object value) {
    return (int) ((List<?>) value).stream().filter(Objects::nonNull).count();
  }

  /** Just the ids of {@link #parse}. */
  List<String> ids(Object value) {
    return parse(value).stream().map(Member::value).toList();
  }
}
