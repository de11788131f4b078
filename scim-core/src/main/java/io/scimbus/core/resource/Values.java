package io.scimbus.core.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for resources held as plain JSON-like trees of maps, lists and scalars. */
public final class Values {
  private Values() {
  }

  /** A mutable copy that shares nothing mutable with {@code value}, so callers may edit it freely. */
  @SuppressWarnings("unchecked")
  public static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepCopyMap((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }

  public static Map<String, Object> deepCopyMap(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, item) -> copy.put(key, deepCopy(item)));
    return copy;
  }

  /**
   * The value under {@code name}, matching keys case-insensitively because SCIM attribute names (and Entra's
   * {@code operations}) are; null when absent.
   */
  public static Object get(Map<?, ?> map, String name) {
    if (map.containsKey(name)) {
      return map.get(name);
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
