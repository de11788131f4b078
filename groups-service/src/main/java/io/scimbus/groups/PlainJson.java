package io.scimbus.groups;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scim-core works on plain maps and lists, while a Vert.x {@link JsonObject} may hold nested {@code JsonObject} and
 * {@code JsonArray} values depending on how it was built; this converts deeply so the core never sees either.
 */
final class PlainJson {
  private PlainJson() {
  }

  static Map<String, Object> map(JsonObject json) {
    Map<String, Object> map = new LinkedHashMap<>();
    json.getMap().forEach((key, value) -> map.put(key, plain(value)));
    return map;
  }

  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      return map(object);
    }
    if (value instanceof JsonArray array) {
      return list(array.getList());
    }
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = new LinkedHashMap<>();
      raw.forEach((key, inner) -> map.put(String.valueOf(key), plain(inner)));
      return map;
    }
    if (value instanceof List<?> raw) {
      return list(raw);
    }
    return value;
  }

  private static List<Object> list(List<?> raw) {
    List<Object> list = new ArrayList<>(raw.size());
    raw.forEach(item -> list.add(plain(item)));
    return list;
  }
}
