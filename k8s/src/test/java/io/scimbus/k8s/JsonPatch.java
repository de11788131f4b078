package io.scimbus.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 {@code add}, {@code replace} and {@code remove} on a resource; a path that does not exist fails. */
final class JsonPatch {
  private JsonPatch() {
  }

  static void apply(ObjectNode resource, JsonNode operation) {
    String op = operation.get("op").asText();
    String path = operation.get("path").asText();
    int cut = path.lastIndexOf('/');
    JsonNode parent = resource.at(path.substring(0, cut));
    String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent.isMissingNode()) {
      throw new IllegalArgumentException("patch path " + path + " has no parent");
    }
    switch (op) {
      case "add", "replace" -> {
        if (op.equals("replace") && parent.get(last.equals("-") ? "" : last) == null && !parent.isArray()) {
          throw new IllegalArgumentException("replace of missing " + path);
        }
        set(parent, last, operation.get("value"), op.equals("add"));
      }
      case "remove" -> {
        if (parent instanceof ObjectNode object) {
          object.remove(last);
        } else {
          ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
      }
      default -> throw new IllegalArgumentException("patch op " + op + " is not supported here");
    }
  }

  private static void set(JsonNode parent, String last, JsonNode value, boolean insert) {
    if (parent instanceof ObjectNode object) {
      object.set(last, value.deepCopy());
    } else if (last.equals("-")) {
      ((ArrayNode) parent).add(value.deepCopy());
    } else if (insert) {
      ((ArrayNode) parent).insert(Integer.parseInt(last), value.deepCopy());
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value.deepCopy());
    }
  }
}
