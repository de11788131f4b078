package io.scimbus.runtime.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vert.x JSON as the plain {@code Map}/{@code List} tree scim-core works on. {@code JsonObject.getMap()} alone is
 * not enough: a JsonObject built with {@code put(..., jsonObject)} (a representation's {@code meta}) or read through
 * {@code getValue} holds JsonObject/JsonArray values, which are not Maps or Lists.
 */
public final class PlainJson {
  private PlainJson() {
  }

  public static Map<String, Object> map(JsonObject json) {
    return map(json.getMap());
  }

  private static Map<String, Object> map(Map<?, ?> source) {
    Map<String, Object> out = new LinkedHashMap<>();
    source.forEach((key, value) -> out.put(String.valueOf(key), plain(value)));
    return out;
  }

  private static List<Object> list(List<?> source) {
    List<Object> out = new ArrayList<>(source.size());
    source.forEach(value -> out.add(plain(value)));
    return out;
  }

  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      return map(object.getMap());
    }
    if (value instanceof JsonArray array) {
      return list(array.getList());
    }
    if (value instanceof Map<?, ?> map) {
      return map(map);
    }
    if (value instanceof List<?> list) {
      return list(list);
    }
    return value;
  }
}
