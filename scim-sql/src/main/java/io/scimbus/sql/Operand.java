package io.scimbus.sql;

import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;

/**
 * One attribute value as SQL: a typed column ({@code json} null) or a jsonb value, read as jsonb ({@code json})
 * and as text ({@code text}). Typed reads of jsonb check the JSON type first, because a cast of a stray value
 * would fail the whole query instead of not matching.
 */
record Operand(String json, String text, AttributeType type, boolean caseExact) {

  static Operand column(Column column) {
    return new Operand(null, column.sql(), column.type(), column.caseExact());
  }

  /** The member {@code attribute} of the jsonb object {@code container}. */
  static Operand member(String container, AttributeDefinition attribute) {
    String key = SqlText.literal(attribute.name());
    return new Operand(container + "->" + key, container + "->>" + key, attribute.type(), attribute.caseExact());
  }

  /** {@code element} itself: one value of a multi-valued simple attribute. */
  static Operand element(String element, AttributeDefinition attribute) {
    return new Operand(element, element + " #>> '{}'", attribute.type(), attribute.caseExact());
  }

  /** Strings as compared: lower-cased unless case-exact. */
  String string() {
    return caseExact ? text : "lower(" + text + ")";
  }

  String number() {
    return json == null ? text : typed("number", "numeric");
  }

  String bool() {
    return json == null ? text : typed("boolean", "boolean");
  }

  String timestamp() {
    return json == null ? text : typed("string", "timestamptz");
  }

  /** RFC 7644 {@code pr}: present, not null, not "" and not an empty array or object. */
  String present() {
    if (json != null) {
      return json + " NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb)";
    }
    return type.isText() ? text + " <> ''" : text + " IS NOT NULL";
  }

  private String typed(String jsonType, String sqlType) {
    return "CASE WHEN jsonb_typeof(" + json + ") = '" + jsonType + "' THEN (" + text + ")::" + sqlType + " END";
  }
}
