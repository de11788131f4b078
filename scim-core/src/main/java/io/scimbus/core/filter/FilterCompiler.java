package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a filter into a predicate over resource (or element) maps, validating every path, operator and literal on
 * the way; {@link FilterEvaluator} documents the semantics.
 */
final class FilterCompiler implements FilterVisitor<Predicate<Map<String, Object>>> {
  private final Scope scope;

  FilterCompiler(Scope scope) {
    this.scope = scope;
  }

  /** Compiles a value filter whose paths name sub-attributes of the complex attribute {@code owner}. */
  static Predicate<Map<String, Object>> forElements(Filter filter, AttributeDefinition owner, String ownerLabel) {
    if (owner.type() != AttributeType.COMPLEX) {
      throw ScimException.invalidFilter("\"" + ownerLabel + "\" is not a complex attribute, so it has no "
          + "sub-attributes to filter on with [...]");
    }
    return filter.accept(new FilterCompiler(new Scope.Element(owner, ownerLabel)));
  }

  @Override
  public Predicate<Map<String, Object>> visitComparison(Filter.Comparison comparison) {
    Operand operand = scope.locate(comparison.path());
    ComparisonOperator operator = comparison.operator();
    if (comparison.value() == null) {
      return switch (operator) {
        case EQ -> present(operand).negate();
        case NE -> present(operand);
        default -> throw ScimException.invalidFilter("null can only be compared with eq or ne, not \""
            + operator.token() + "\" (\"" + operand.label() + "\")");
      };
    }
    Operand compared = comparedValues(operand);
    boolean negate = operator == ComparisonOperator.NE;
    Predicate<Object> test = ValueMatchers.create(compared, negate ? ComparisonOperator.EQ : operator,
        comparison.value());
    Predicate<Map<String, Object>> any = root -> compared.values(root).stream().anyMatch(test);
    return negate ? any.negate() : any;
  }

  @Override
  public Predicate<Map<String, Object>> visitPresent(Filter.Present present) {
    return present(scope.locate(present.path()));
  }

  @Override
  public Predicate<Map<String, Object>> visitAnd(Filter.And and) {
    return and.left().accept(this).and(and.right().accept(this));
  }

  @Override
  public Predicate<Map<String, Object>> visitOr(Filter.Or or) {
    return or.left().accept(this).or(or.right().accept(this));
  }

  @Override
  public Predicate<Map<String, Object>> visitNot(Filter.Not not) {
    return not.inner().accept(this).negate();
  }

  @Override
  public Predicate<Map<String, Object>> visitValuePath(Filter.ValuePath valuePath) {
    if (scope.insideValueFilter()) {
      throw ScimException.invalidFilter("value filters cannot be nested: \"" + valuePath.path()
          + "[...]\" is inside another value filter");
    }
    Operand owner = scope.locate(valuePath.path());
    if (owner.subAttribute() != null) {
      throw ScimException.invalidFilter("a value filter applies to a multi-valued attribute, not to the "
          + "sub-attribute \"" + owner.label() + "\"");
    }
    Predicate<Map<String, Object>> inner = forElements(valuePath.filter(), owner.attribute(), owner.label());
    return root -> owner.values(root).stream().anyMatch(element -> matchesElement(inner, element));
  }

  @SuppressWarnings("unchecked")
  private static boolean matchesElement(Predicate<Map<String, Object>> inner, Object element) {
    return element instanceof Map<?, ?> map && inner.test((Map<String, Object>) map);
  }

  private static Predicate<Map<String, Object>> present(Operand operand) {
    return root -> operand.values(root).stream().anyMatch(FilterValues::isPresent);
  }

  /**
   * A multi-valued complex attribute with a {@code value} sub-attribute compares by that sub-attribute
   * ({@code emails co "x"}, {@code members eq "id"}), as RFC 7644 §3.4.2.2 does for {@code emails co}.
   */
  private static Operand comparedValues(Operand operand) {
    AttributeDefinition attribute = operand.attribute();
    if (operand.subAttribute() == null && attribute.type() == AttributeType.COMPLEX && attribute.multiValued()) {
      return attribute.subAttribute("value").map(operand::withSubAttribute).orElse(operand);
    }
    return operand;
  }
}
