package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.ResolvedAttribute;
import java.util.function.Function;

/** The resource row {@code t}: where a filter's top-level paths resolve. */
final class ResourceScope implements Scope {
  private final Locator locator;
  private final JsonPredicates json;

  ResourceScope(Locator locator, JsonPredicates json) {
    this.locator = locator;
    this.json = json;
  }

  @Override
  public String test(AttributePath path, Condition condition) {
    Location location = locator.locate(path, locator.resolve(path, ScimException::invalidFilter),
        ScimException::invalidFilter);
    if (location instanceof Location.InColumn in) {
      return condition.on(Operand.column(in.column()));
    }
    if (location instanceof Location.InChild in) {
      return childTest(in, condition, path);
    }
    Location.InDocument in = (Location.InDocument) location;
    return json.test(in.container(), in.steps(), condition, path.toString());
  }

  private static String childTest(Location.InChild in, Condition condition, AttributePath path) {
    AttributeDefinition sub = in.subAttribute();
    if (sub == null) {
      if (condition.isPresence()) {
        return in.rows().exists(null);
      }
      sub = JsonPredicates.valueOf(in.attribute()).orElseThrow(() -> JsonPredicates.complexCompared(path.toString()));
    }
    return in.rows().exists(condition.on(Operand.column(in.rows().column(sub))));
  }

  @Override
  public String valuePath(AttributePath path, Function<Scope, String> inner) {
    ResolvedAttribute resolved = locator.resolve(path, ScimException::invalidFilter);
    AttributeDefinition attribute = resolved.attribute();
    if (resolved.subAttribute() != null || attribute.type() != AttributeType.COMPLEX) {
      throw ScimException.invalidFilter(path + "[...] needs a complex attribute");
    }
    Location location = locator.locate(path, resolved, ScimException::invalidFilter);
    if (location instanceof Location.InChild in) {
      return in.rows().exists(inner.apply(in.rows()));
    }
    // Columns hold simple attributes only, so a complex one is in the document.
    Location.InDocument in = (Location.InDocument) location;
    String value = Operand.member(in.container(), attribute).json();
    if (attribute.multiValued()) {
      return json.anyElement(value, element -> inner.apply(new ElementScope(element, attribute, json)));
    }
    return "(jsonb_typeof(" + value + ") = 'object' AND " + inner.apply(new ElementScope(value, attribute, json))
        + ")";
  }
}
