package io.scimbus.sql;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.ComparisonOperator;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.SchemaLoader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Short ways to build filter ASTs, standing in for the parser, and a test extension schema. */
final class Filters {
  static final String ENTERPRISE = ScimUrns.ENTERPRISE_USER;
  static final String TEST_URN = "urn:test:o'ext";

  /** Attributes of every type the core schemas lack, and a name with a quote in it. */
  static final Schema TEST_EXTENSION = SchemaLoader.fromMap(Map.of(
      "id", TEST_URN,
      "name", "Test",
      "attributes", List.of(
          Map.of("name", "level", "type", "integer"),
          Map.of("name", "score", "type", "decimal"),
          Map.of("name", "hired", "type", "dateTime"),
          Map.of("name", "tags", "type", "string", "multiValued", true),
          Map.of("name", "o'name", "type", "string", "caseExact", true))));

  static final ResourceSchema USERS = ResourceSchema.users().withExtensions(List.of(TEST_EXTENSION));

  private Filters() {
  }

  /** {@code "name.sub"} or {@code "urn:...:name.sub"}: the last colon before the name ends the URN. */
  static AttributePath path(String text) {
    String urn = null;
    String rest = text;
    if (text.startsWith("urn:")) {
      int colon = text.lastIndexOf(':');
      urn = text.substring(0, colon);
      rest = text.substring(colon + 1);
    }
    int dot = rest.indexOf('.');
    return dot < 0
        ? new AttributePath(urn, rest, null)
        : new AttributePath(urn, rest.substring(0, dot), rest.substring(dot + 1));
  }

  static Filter cmp(String path, ComparisonOperator op, Object value) {
    return new Filter.Comparison(path(path), op, value instanceof Number n ? new BigDecimal(n.toString()) : value);
  }

  static Filter eq(String path, Object value) {
    return cmp(path, ComparisonOperator.EQ, value);
  }

  static Filter pr(String path) {
    return new Filter.Present(path(path));
  }

  static Filter and(Filter left, Filter right) {
    return new Filter.And(left, right);
  }

  static Filter or(Filter left, Filter right) {
    return new Filter.Or(left, right);
  }

  static Filter not(Filter inner) {
    return new Filter.Not(inner);
  }

  static Filter has(String path, Filter inner) {
    return new Filter.ValuePath(path(path), inner);
  }
}
