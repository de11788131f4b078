package io.scimbus.sql;

import java.util.Map;

/**
 * A multi-valued complex attribute stored as rows of another table. {@code joinCondition} ties a row under
 * {@code alias} to the resource row {@code t}; {@code columns} maps canonical sub-attribute names to columns of
 * {@code alias}. Sub-attributes without a column are not stored and so cannot be filtered on.
 */
public record ChildTable(String table, String alias, String joinCondition, Map<String, Column> columns) {

  public ChildTable {
    columns = Map.copyOf(columns);
  }
}
