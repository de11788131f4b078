package io.scimbus.sql;

import java.util.List;

/**
 * A piece of PostgreSQL text and the values bound to its {@code $n} placeholders, in placeholder order. Request
 * values only ever travel in {@code params}; the text holds nothing a client wrote.
 */
public record SqlFragment(String sql, List<Object> params) {

  public SqlFragment {
    params = List.copyOf(params);
  }
}
