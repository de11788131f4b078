package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids created so far in one bulk request, by bulkId, and the resolution of {@code bulkId:xyz} references to them
 * (RFC 7644 §3.7.2) in paths and in any string value of an operation's data, e.g. {@code members[].value}.
 */
final class BulkReferences {
  private static final String PREFIX = "bulkId:";

  private final Set<String> declared;
  private final Map<String, String> created = new HashMap<>();

  BulkReferences(Set<String> declared) {
    this.declared = Set.copyOf(declared);
  }

  void created(String bulkId, String id) {
    created.put(bulkId, id);
  }

  /** {@code value} itself, or the id it references when it is {@code bulkId:xyz}. */
  String resolve(String value) {
    if (!value.startsWith(PREFIX)) {
      return value;
    }
    String bulkId = value.substring(PREFIX.length());
    String id = created.get(bulkId);
    if (id == null) {
      throw unresolved(bulkId);
    }
    return id;
  }

  /** A copy of {@code data} with every reference replaced; the client's JSON is left as it came. */
  JsonObject resolve(JsonObject data) {
    JsonObject resolved = new JsonObject();
    data.forEach(entry -> resolved.put(entry.getKey(), resolveValue(entry.getValue())));
    return resolved;
  }

  private Object resolveValue(Object value) {
    if (value instanceof String text) {
      return resolve(text);
    }
    if (value instanceof JsonObject object) {
      return resolve(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray resolved = new JsonArray();
      array.forEach(element -> resolved.add(resolveValue(element)));
      return resolved;
    }
    return value;
  }

  /**
   * 409, as RFC 7644 §3.7.3 answers a reference that cannot be resolved; operations run in request order, so a
   * reference must follow the POST that declares it.
   */
  private ScimException unresolved(String bulkId) {
    String why = declared.contains(bulkId)
        ? "its POST failed or comes later in the request"
        : "no operation in this request declares it";
    return new ScimException(409, ScimType.INVALID_VALUE, "bulkId:" + bulkId + " cannot be resolved: " + why);
  }
}
