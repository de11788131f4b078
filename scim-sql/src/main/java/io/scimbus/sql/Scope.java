package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import java.util.function.Function;

/** Where filter paths resolve: the resource row, or one element of a complex attribute inside a value filter. */
interface Scope {

  /** {@code condition} on the attribute {@code path} names in this scope. */
  String test(AttributePath path, Condition condition);

  /** {@code path[filter]}; {@code inner} compiles the bracketed filter in the scope of one element. */
  String valuePath(AttributePath path, Function<Scope, String> inner);

  /** Inside {@code attribute[...]} a path names one of its sub-attributes, and nothing else. */
  static AttributeDefinition subAttribute(AttributeDefinition attribute, AttributePath path) {
    if (path.schemaUrn() != null || path.subAttribute() != null) {
      throw ScimException.invalidFilter(path + " inside " + attribute.name() + "[...] must name a sub-attribute");
    }
    return attribute.subAttribute(path.attribute()).orElseThrow(
        () -> ScimException.invalidFilter("unknown attribute " + attribute.name() + "." + path.attribute()));
  }

  static ScimException nested(AttributePath path) {
    return ScimException.invalidFilter("value filter " + path + "[...] cannot be nested in another one");
  }
}
