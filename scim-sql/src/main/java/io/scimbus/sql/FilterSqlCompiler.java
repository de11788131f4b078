package io.scimbus.sql;

import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.schema.ResourceSchema;

/**
 * Turns SCIM filters and sort orders into PostgreSQL over a {@link ResourceTable} aliased {@code t}, matching
 * exactly what the in-memory filter evaluator matches. Thread-safe: each call compiles on its own state.
 */
public final class FilterSqlCompiler {
  private final Locator locator;

  public FilterSqlCompiler(ResourceSchema schema, ResourceTable table) {
    this.locator = new Locator(schema, table);
  }

  /**
   * A predicate for {@code WHERE}, numbering placeholders from {@code $firstParam} so that the caller's own come
   * first (e.g. {@code t.tenant_id = $1}). The predicate may evaluate to NULL for "no match": negate it only as
   * {@code NOT COALESCE(..., false)}.
   *
   * @throws io.scimbus.core.error.ScimException invalidFilter for unknown attributes and ill-typed comparisons
   */
  public SqlFragment where(Filter filter, int firstParam) {
    Parameters parameters = new Parameters(firstParam);
    String sql = filter.accept(new PredicateCompiler(new ResourceScope(locator, new JsonPredicates()), parameters));
    return new SqlFragment(sql, parameters.values());
  }

  /**
   * An {@code ORDER BY} clause: missing values last when ascending (first when descending, the exact reverse), ties
   * broken by id. A null {@code sortBy} orders by id alone, so that pages stay stable.
   *
   * @throws io.scimbus.core.error.ScimException invalidValue for an attribute that is unknown or cannot be sorted on
   */
  public SqlFragment orderBy(AttributePath sortBy, boolean descending) {
    return new SortCompiler(locator).orderBy(sortBy, descending);
  }
}
