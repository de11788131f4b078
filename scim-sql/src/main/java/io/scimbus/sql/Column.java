package io.scimbus.sql;

import io.scimbus.core.schema.AttributeType;

/**
 * A SQL expression that holds one single-valued attribute, with the type and case rule its comparisons follow.
 * Both must agree with the schema, so that SQL and the in-memory evaluator match the same resources.
 */
public record Column(String sql, AttributeType type, boolean caseExact) {
}
