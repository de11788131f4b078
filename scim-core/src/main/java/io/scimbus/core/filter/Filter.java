package io.scimbus.core.filter;

/**
 * The filter AST of RFC 7644 §3.4.2.2. Values of {@link Comparison} are {@code String}, {@code Boolean},
 * {@code java.math.BigDecimal} or {@code null}; dates stay strings and are compared as dates where the schema says
 * the attribute is a dateTime.
 */
public sealed interface Filter {

  <R> R accept(FilterVisitor<R> visitor);

  /** {@code path op value}. */
  record Comparison(AttributePath path, ComparisonOperator operator, Object value) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitComparison(this);
    }
  }

  /** {@code path pr}. */
  record Present(AttributePath path) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitPresent(this);
    }
  }

  record And(Filter left, Filter right) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitAnd(this);
    }
  }

  record Or(Filter left, Filter right) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitOr(this);
    }
  }

  record Not(Filter inner) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  /**
   * {@code emails[type eq "work" and value co "@x.com"]}: true when one element of the multi-valued (or complex)
   * attribute {@code path} matches {@code filter}, whose paths name sub-attributes of that element.
   */
  record ValuePath(AttributePath path, Filter filter) implements Filter {
    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitValuePath(this);
    }
  }
}
