package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.ResolvedAttribute;
import java.util.List;

/** RFC 7644 §3.4.2.3 sorting as an ORDER BY clause. */
final class SortCompiler {
  /** Ids are unique, so ordering by them last makes every order total and pagination stable. */
  private static final String TIE_BREAK = ResourceTable.ALIAS + ".id";

  private final Locator locator;

  SortCompiler(Locator locator) {
    this.locator = locator;
  }

  SqlFragment orderBy(AttributePath sortBy, boolean descending) {
    String direction = descending ? "DESC" : "ASC";
    if (sortBy == null) {
      return new SqlFragment("ORDER BY " + TIE_BREAK + " " + direction, List.of());
    }
    ResolvedAttribute resolved = locator.resolve(sortBy, ScimException::invalidValue);
    Location location = locator.locate(sortBy, resolved, ScimException::invalidValue);
    Operand key;
    if (location instanceof Location.InColumn in) {
      key = Operand.column(in.column());
    } else if (location instanceof Location.InDocument in) {
      key = documentKey(in, sortBy);
    } else {
      throw ScimException.invalidValue("cannot sort by " + sortBy + ": it has no single value to sort by");
    }
    return new SqlFragment("ORDER BY " + sortable(key, sortBy) + " " + direction
        + (descending ? " NULLS FIRST, " : " NULLS LAST, ") + TIE_BREAK + " " + direction, List.of());
  }

  /** A multi-valued attribute sorts by its primary value, or else its first (RFC 7644 §3.4.2.3). */
  private static Operand documentKey(Location.InDocument in, AttributePath sortBy) {
    AttributeDefinition attribute = in.steps().get(0);
    String value = Operand.member(in.container(), attribute).json();
    String owner = attribute.multiValued() ? primaryOrFirst(value) : value;
    if (in.steps().size() > 1) {
      AttributeDefinition sub = in.steps().get(1);
      if (sub.multiValued()) {
        throw ScimException.invalidValue("cannot sort by " + sortBy + ": it is multi-valued");
      }
      return Operand.member(owner, sub);
    }
    if (attribute.type() != AttributeType.COMPLEX) {
      return attribute.multiValued() ? Operand.element(owner, attribute) : Operand.member(in.container(), attribute);
    }
    return JsonPredicates.valueOf(attribute).map(sub -> Operand.member(owner, sub)).orElseThrow(
        () -> ScimException.invalidValue("cannot sort by " + sortBy + ": it is complex; name a sub-attribute"));
  }

  private static String primaryOrFirst(String array) {
    return "(SELECT x.e FROM " + JsonPredicates.elements(array) + " WITH ORDINALITY x(e, n)"
        + " ORDER BY COALESCE(x.e->'primary' = 'true'::jsonb, false) DESC, x.n LIMIT 1)";
  }

  /** The key as ordered: strings by code point (lower-cased unless case-exact), the rest by their SQL type. */
  private static String sortable(Operand key, AttributePath sortBy) {
    if (key.type().isText()) {
      return "(" + key.string() + ") COLLATE \"C\"";
    }
    return switch (key.type()) {
      case BOOLEAN -> key.bool();
      case INTEGER, DECIMAL -> key.number();
      case DATE_TIME -> key.timestamp();
      default -> throw ScimException.invalidValue("cannot sort by " + sortBy);
    };
  }
}
