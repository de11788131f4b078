package io.scimbus.sql;

import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import java.util.List;
import java.util.function.Function;

/** One jsonb element ({@code element}, an object) of {@code attribute}, as seen from inside its value filter. */
final class ElementScope implements Scope {
  private final String element;
  private final AttributeDefinition attribute;
  private final JsonPredicates json;

  ElementScope(String element, AttributeDefinition attribute, JsonPredicates json) {
    this.element = element;
    this.attribute = attribute;
    this.json = json;
  }

  @Override
  public String test(AttributePath path, Condition condition) {
    AttributeDefinition sub = Scope.subAttribute(attribute, path);
    return json.test(element, List.of(sub), condition, attribute.name() + "." + sub.name());
  }

  @Override
  public String valuePath(AttributePath path, Function<Scope, String> inner) {
    throw Scope.nested(path);
  }
}
