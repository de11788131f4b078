package io.scimbus.core.filter;

/** One method per node of the filter AST; evaluators and compilers implement it. */
public interface FilterVisitor<R> {
  R visitComparison(Filter.Comparison comparison);

  R visitPresent(Filter.Present present);

  R visitAnd(Filter.And and);

  R visitOr(Filter.Or or);

  R visitNot(Filter.Not not);

  R visitValuePath(Filter.ValuePath valuePath);
}
