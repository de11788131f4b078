package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.ComparisonOperator;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.filter.FilterVisitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a filter to a SQL predicate in one {@link Scope}. A predicate may be NULL where the filter is false (an
 * absent attribute); AND, OR, EXISTS and WHERE all read NULL as false, so only {@code not} needs a COALESCE.
 */
final class PredicateCompiler implements FilterVisitor<String> {
  private final Scope scope;
  private final Parameters parameters;

  PredicateCompiler(Scope scope, Parameters parameters) {
    this.scope = scope;
    this.parameters = parameters;
  }

  @Override
  public String visitComparison(Filter.Comparison comparison) {
    if (comparison.value() != null) {
      // ne is exactly "not eq" over everything the path designates (RFC 7644 §3.4.2.2, FilterEvaluator rule c):
      // a multi-valued attribute is "ne x" when NO value equals x, not when some value differs from x. So it is
      // negated here, around the EXISTS over elements or child rows, and never per element.
      boolean negate = comparison.operator() == ComparisonOperator.NE;
      String test = scope.test(comparison.path(), new LiteralComparison(comparison.path().toString(),
          negate ? ComparisonOperator.EQ : comparison.operator(), comparison.value(), parameters));
      return negate ? not(test) : test;
    }
    // RFC 7644 §3.4.2.2: "eq null" is the absence that "pr" denies.
    if (comparison.operator() == ComparisonOperator.EQ) {
      return not(scope.test(comparison.path(), Condition.PRESENT));
    }
    if (comparison.operator() == ComparisonOperator.NE) {
      return scope.test(comparison.path(), Condition.PRESENT);
    }
    throw ScimException.invalidFilter(comparison.operator().token() + " cannot compare " + comparison.path()
        + " with null");
  }

  @Override
  public String visitPresent(Filter.Present present) {
    return scope.test(present.path(), Condition.PRESENT);
  }

  @Override
  public String visitAnd(Filter.And and) {
    List<String> operands = new ArrayList<>();
    flattenAnd(and, operands);
    return "(" + String.join(" AND ", operands) + ")";
  }

  private void flattenAnd(Filter filter, List<String> operands) {
    if (filter instanceof Filter.And and) {
      flattenAnd(and.left(), operands);
      flattenAnd(and.right(), operands);
    } else {
      operands.add(filter.accept(this));
    }
  }

  @Override
  public String visitOr(Filter.Or or) {
    List<String> operands = new ArrayList<>();
    flattenOr(or, operands);
    return "(" + String.join(" OR ", operands) + ")";
  }

  private void flattenOr(Filter filter, List<String> operands) {
    if (filter instanceof Filter.Or or) {
      flattenOr(or.left(), operands);
      flattenOr(or.right(), operands);
    } else {
      operands.add(filter.accept(this));
    }
  }

  @Override
  public String visitNot(Filter.Not not) {
    return not(not.inner().accept(this));
  }

  @Override
  public String visitValuePath(Filter.ValuePath valuePath) {
    return scope.valuePath(valuePath.path(),
        element -> valuePath.filter().accept(new PredicateCompiler(element, parameters)));
  }

  private static String not(String predicate) {
    return "NOT COALESCE(" + predicate + ", false)";
  }
}
