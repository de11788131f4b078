package io.scimbus.core.patch;

import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.Filter;

/**
 * A parsed PATCH path (RFC 7644 §3.5.2 {@code PATH = attrPath / valuePath [subAttr]}). {@code attribute} is null for
 * a bare extension URN; {@code filter} is null unless the path has a {@code [...]} value filter, whose paths name
 * sub-attributes of {@code attribute}.
 */
record PatchPath(String schemaUrn, String attribute, Filter filter, String subAttribute) {

  boolean isBareUrn() {
    return attribute == null;
  }

  /** The attribute the path designates, without the filter. */
  AttributePath attributePath() {
    return new AttributePath(schemaUrn, attribute, subAttribute);
  }
}
