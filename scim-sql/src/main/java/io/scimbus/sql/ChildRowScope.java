package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import java.util.function.Function;

/** One row of a child table holding {@code attribute}, as seen from inside its value filter. */
final class ChildRowScope implements Scope {
  private final ChildTable child;
  private final AttributeDefinition attribute;

  ChildRowScope(ChildTable child, AttributeDefinition attribute) {
    this.child = child;
    this.attribute = attribute;
  }

  @Override
  public String test(AttributePath path, Condition condition) {
    return condition.on(Operand.column(column(Scope.subAttribute(attribute, path))));
  }

  @Override
  public String valuePath(AttributePath path, Function<Scope, String> inner) {
    throw Scope.nested(path);
  }

  /** The column of {@code sub}; a sub-attribute the child table does not store cannot be filtered on. */
  Column column(AttributeDefinition sub) {
    Column column = child.columns().get(sub.name());
    if (column == null) {
      throw ScimException.invalidFilter(attribute.name() + "." + sub.name() + " cannot be used in a filter");
    }
    return column;
  }

  /** True when a row of the child table belongs to {@code t} and satisfies {@code predicate} (null: any row). */
  String exists(String predicate) {
    return "EXISTS (SELECT 1 FROM " + child.table() + " " + child.alias() + " WHERE " + child.joinCondition()
        + (predicate == null ? "" : " AND " + predicate) + ")";
  }
}
