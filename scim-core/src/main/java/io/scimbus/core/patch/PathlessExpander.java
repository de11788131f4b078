package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.PatchPath;
import io.scimbus.core.filter.PathParser;
import io.scimbus.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits an add or replace whose target is the whole resource (no path, RFC 7644 §3.5.2.1/§3.5.2.3) or a whole
 * extension (bare URN path) into one step per attribute. Keys may be names, dotted names, URN-qualified names, value
 * paths (Entra with {@code aadOptscim062020} sends {@code "emails[type eq \"work\"].value"}) or a bare schema URN
 * holding an object; tenant extension URNs count, because paths are parsed against the resource type's schema.
 */
final class PathlessExpander {

  /**
   * One attribute-level step. {@code lenient} steps come from path-less keys, which are dropped when unknown just
   * like unknown attributes of a POST body: IdPs send the same attribute mapping in both.
   */
  record Step(PatchPath path, String text, Object value, boolean lenient) {
  }

  private PathlessExpander() {
  }

  static List<Step> expand(PatchOp op, String rawPath, Object value, ResourceSchema schema) {
    List<Step> steps = new ArrayList<>();
    if (rawPath == null) {
      expandObject("", value, "the value of a path-less " + op.wireName(), schema, steps);
      return steps;
    }
    PatchPath path = PathParser.parse(rawPath, schema);
    if (path.isSchemaOnly() && op != PatchOp.REMOVE) {
      expandObject(path.schemaOnlyUrn() + ":", value, rawPath, schema, steps);
    } else {
      steps.add(new Step(path, rawPath, value, false));
    }
    return steps;
  }

  private static void expandObject(String prefix, Object value, String what, ResourceSchema schema,
      List<Step> steps) {
    if (!(value instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue(what + " must be an object");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      // Okta and Entra echo "schemas" in path-less values; it is the resource's envelope, not an attribute.
      if (prefix.isEmpty() && "schemas".equalsIgnoreCase(key)) {
        continue;
      }
      PatchPath path = PathParser.parse(key, schema);
      if (path.isSchemaOnly()) {
        expandObject(path.schemaOnlyUrn() + ":", entry.getValue(), key, schema, steps);
      } else {
        steps.add(new Step(path, key, entry.getValue(), true));
      }
    }
  }
}
