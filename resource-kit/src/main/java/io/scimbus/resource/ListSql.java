package io.scimbus.resource;

import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.runtime.store.ListQuery;
import io.scimbus.sql.FilterSqlCompiler;
import io.scimbus.sql.ResourceTable;
import io.scimbus.sql.SqlFragment;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The two statements of a list request, built from one WHERE so that {@code totalResults} counts exactly what the
 * pages hold: {@code t.tenant_id = $1 AND (filter)}. Filtering, sorting and paging all run in PostgreSQL.
 */
public final class ListSql {
  private final ResourceTable table;
  private final FilterSqlCompiler compiler;
  private final String columns;

  /** {@code columns} is the select list over alias {@code t}, from the repository's own code. */
  public ListSql(ResourceSchema schema, ResourceTable table, String columns) {
    this.table = table;
    this.compiler = new FilterSqlCompiler(schema, table);
    this.columns = columns;
  }

  /** A statement and its parameters. */
  public record Statement(String sql, Tuple params) {
  }

  public Statement page(String tenant, ListQuery query) {
    SqlFragment where = where(query);
    List<Object> params = params(tenant, where);
    String sql = "SELECT " + columns + " FROM " + table.table() + " " + ResourceTable.ALIAS
        + " WHERE " + where.sql()
        + " " + compiler.orderBy(query.sortBy(), query.descending()).sql()
        + " LIMIT $" + (params.size() + 1) + " OFFSET $" + (params.size() + 2);
    params.add(query.count());
    params.add(query.startIndex() - 1);
    return new Statement(sql, Tuple.from(params));
  }

  public Statement count(String tenant, ListQuery query) {
    SqlFragment where = where(query);
    return new Statement("SELECT count(*) FROM " + table.table() + " " + ResourceTable.ALIAS + " WHERE " + where.sql(),
        Tuple.from(params(tenant, where)));
  }

  private SqlFragment where(ListQuery query) {
    String tenantPredicate = ResourceTable.ALIAS + ".tenant_id = $1";
    if (query.filter() == null) {
      return new SqlFragment(tenantPredicate, List.of());
    }
    SqlFragment filter = compiler.where(query.filter(), 2);
    return new SqlFragment(tenantPredicate + " AND (" + filter.sql() + ")", filter.params());
  }

  private static List<Object> params(String tenant, SqlFragment where) {
    List<Object> params = new ArrayList<>();
    params.add(tenant);
    params.addAll(where.params());
    return params;
  }
}
