package io.scimbus.core.patch;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A validated RFC 7644 §3.5.2 PatchOp message. */
public final class PatchRequest {
  private final List<PatchOperation> operations;

  private PatchRequest(List<PatchOperation> operations) {
    this.operations = List.copyOf(operations);
  }

  public static PatchRequest of(List<PatchOperation> operations) {
    if (operations.isEmpty()) {
      throw ScimException.invalidValue("Operations must contain at least one operation");
    }
    return new PatchRequest(operations);
  }

  public static PatchRequest parse(Map<String, Object> body) {
    if (!(body.get("schemas") instanceof List<?> schemas)
        || schemas.stream().noneMatch(ScimUrns.PATCH_OP::equals)) {
      throw ScimException.invalidSyntax("schemas must contain " + ScimUrns.PATCH_OP);
    }
    if (!(Values.get(body, "Operations") instanceof List<?> list)) {
      throw ScimException.invalidSyntax("Operations must be an array of operations");
    }
    List<PatchOperation> operations = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      operations.add(operation(list.get(i), i));
    }
    return of(operations);
  }

  /** The operations in request order; services use them to spot member-only group PATCHes. */
  public List<PatchOperation> operations() {
    return operations;
  }

  private static PatchOperation operation(Object raw, int index) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw ScimException.invalidSyntax("Operations[" + index + "] must be an object");
    }
    if (!(map.get("op") instanceof String op)) {
      throw ScimException.invalidSyntax("Operations[" + index + "].op must be a string");
    }
    Object path = map.get("path");
    // an empty path is no attribute path (RFC 7644 §3.10); a client meaning the whole resource leaves it out
    if (path != null && !(path instanceof String text && !text.isBlank())) {
      throw ScimException.invalidPath("Operations[" + index + "].path must be a non-empty string; leave it out to "
          + "target the whole resource");
    }
    PatchOp parsed = PatchOp.parse(op);
    String pathText = (String) path;
    if (parsed != PatchOp.REMOVE && !map.containsKey("value")) {
      throw ScimException.invalidValue("Operations[" + index + "] (" + parsed.wireName() + ") needs a value");
    }
    return new PatchOperation(parsed, pathText, map.get("value"));
  }
}
