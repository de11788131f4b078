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

  /** The key of {@code map} spelled like {@code name} ignoring case, or null. */
  public static String keyIgnoringCase(Map<String, ?> map, String name) {
    if (map.containsKey(name)) {
      return name;
    }
    for (String key : map.keySet()) {
      if (key.equalsIgnoreCase(name)) {
        return key;
      }
    }
    return null;
  }
}
