package io.scimbus.gateway;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a BulkRequest body (RFC 7644 §3.7). Every operation is checked before any runs, so a malformed request is
 * refused whole with 400 and nothing half-done; only failures at execution are reported per operation.
 */
final class BulkRequestParser {
  private static final String OPERATIONS = "Operations";

  private BulkRequestParser() {
  }

  static BulkRequest parse(JsonObject body, int maxOperations) {
    JsonArray schemas = body.getValue("schemas") instanceof JsonArray array ? array : new JsonArray();
    if (!schemas.contains(ScimUrns.BULK_REQUEST)) {
      throw ScimException.invalidSyntax("schemas must contain " + ScimUrns.BULK_REQUEST);
    }
    if (!(body.getValue(OPERATIONS) instanceof JsonArray operations)) {
      throw ScimException.invalidSyntax("Operations must be an array of operations");
    }
    if (operations.size() > maxOperations) {
      // RFC 7644 §3.7.4: too many operations is 413, like too large a payload.
      throw ScimException.payloadTooLarge(
          "the request has " + operations.size() + " operations; maxOperations is " + maxOperations);
    }
    List<BulkOperation> parsed = new ArrayList<>();
    Set<String> bulkIds = new HashSet<>();
    for (int i = 0; i < operations.size(); i++) {
      if (!(operations.getValue(i) instanceof JsonObject operation)) {
        throw ScimException.invalidSyntax("Operations[" + i + "] must be an object");
      }
      BulkOperation op = operation(i, operation);
      if (op.bulkId() != null && !bulkIds.add(op.bulkId())) {
        throw ScimException.invalidValue("Operations[" + i + "]: bulkId " + op.bulkId() + " is not unique");
      }
      parsed.add(op);
    }
    return new BulkRequest(failOnErrors(body), parsed);
  }

  private static int failOnErrors(JsonObject body) {
    Object value = body.getValue("failOnErrors");
    if (value == null) {
      return BulkRequest.NO_LIMIT;
    }
    if (!(value instanceof Integer count) || count < 1) {
      throw ScimException.invalidValue("failOnErrors must be an integer of at least 1");
    }
    return count;
  }

  private static BulkOperation operation(int index, JsonObject json) {
    String where = "Operations[" + index + "]";
    String method = text(json, "method", where);
    if (method == null || !BulkOperation.ACTIONS.containsKey(method.toUpperCase(Locale.ROOT))) {
      throw ScimException.invalidValue(where + ": method must be one of POST, PUT, PATCH, DELETE");
    }
    method = method.toUpperCase(Locale.ROOT);
    String path = text(json, "path", where);
    String[] segments = path == null ? new String[] {"missing"} : path.split("/", -1);
    boolean isCollection = segments.length == 2;
    boolean isItem = segments.length == 3 && !segments[2].isEmpty();
    if (!segments[0].isEmpty() || !(isCollection || isItem)
        || !ResourceEndpoints.ADDRESSES.containsKey("/" + segments[1])) {
      throw ScimException.invalidValue(where + ": path must be a resource endpoint such as /Users or /Users/{id}, got "
          + path);
    }
    if (method.equals("POST") != isCollection) {
      throw ScimException.invalidValue(where + ": POST takes a resource endpoint, " + method + " a resource path");
    }
    String bulkId = text(json, "bulkId", where);
    if (method.equals("POST") && bulkId == null) {
      throw ScimException.invalidSyntax(where + ": bulkId is required for POST");
    }
    Object data = json.getValue("data");
    if (!method.equals("DELETE") && !(data instanceof JsonObject)) {
      throw ScimException.invalidSyntax(where + ": data must be an object for " + method);
    }
    return new BulkOperation(method, "/" + segments[1], isItem ? segments[2] : null, bulkId,
        text(json, "version", where), method.equals("DELETE") ? null : (JsonObject) data);
  }

  private static String text(JsonObject json, String field, String where) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw ScimException.invalidSyntax(where + ": " + field + " must be a string");
    }
    return (String) value;
  }
}
