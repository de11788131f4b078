package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResourceSchema;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates filters against resources held as decoded JSON (Map/List/String/Boolean/Number trees), with extension
 * attributes nested under their schema URN key. The SQL filter compiler implements the same rules, so they are
 * stated here exactly:
 *
 * <ol type="a">
 *   <li><b>Validation first.</b> Every filter is checked against the {@link ResourceSchema} before any resource is
 *       looked at, so an invalid filter fails even on an empty collection. {@link ScimException#invalidFilter} is
 *       thrown for: an unknown schema URN, attribute or sub-attribute (resolved case-insensitively); a complex
 *       attribute compared directly ({@code name eq "x"}), except a multi-valued complex attribute with a
 *       {@code value} sub-attribute, which compares that sub-attribute ({@code emails co "x"},
 *       {@code members eq "id"}); a value filter on a non-complex attribute or on a sub-attribute; and the
 *       operator/literal mismatches below. Resource keys are matched case-insensitively.</li>
 *   <li><b>Multi-valued.</b> A path designates every value it reaches: the elements of a multi-valued attribute,
 *       or the sub-attribute of every element ({@code emails.value}). A comparison is true if ANY of them matches;
 *       {@code attr[filter]} is true if ANY element matches {@code filter}.</li>
 *   <li><b>Absent and null.</b> Absent or JSON null values contribute nothing, so eq, co, sw, ew, gt, ge, lt and
 *       le are false. {@code ne} is exactly {@code not eq}: true when absent, and for a multi-valued attribute true
 *       when NO value equals the literal. {@code pr} is true iff any designated value is not null, not "", not an
 *       empty list and not an empty object ({@code emails pr} is false for {@code []}). {@code eq null} is
 *       {@code not pr}, {@code ne null} is {@code pr}; any other operator with null is invalid.</li>
 *   <li><b>Strings</b> (string, reference, binary). The literal must be a string. When the attribute is not
 *       caseExact both sides are lowercased with {@code Locale.ROOT}. co/sw/ew are substring/prefix/suffix tests;
 *       gt/ge/lt/le compare with {@link String#compareTo}. Stored non-strings never match.</li>
 *   <li><b>Booleans.</b> Only eq and ne. The literal and the stored value may each be a JSON boolean or, as
 *       Entra ID sends, the string "true"/"false" in any case; any other literal is invalid, any other stored value
 *       never matches.</li>
 *   <li><b>dateTime.</b> The literal must be an ISO-8601 date-time string with an offset ("Z" or "+02:00"); stored
 *       values are parsed the same way and compared as instants. co/sw/ew are invalid. Unparseable stored values
 *       never match.</li>
 *   <li><b>integer and decimal.</b> The literal must be a number; values compare with
 *       {@link java.math.BigDecimal#compareTo} (so 1.0 eq 1). co/sw/ew are invalid.</li>
 *   <li><b>Logic.</b> {@code not} negates, {@code and}/{@code or} are conjunction and disjunction.</li>
 * </ol>
 */
public final class FilterEvaluator {
  private final ResourceSchema schema;

  public FilterEvaluator(ResourceSchema schema) {
    this.schema = schema;
  }

  /** Throws {@link ScimException#invalidFilter} when the filter cannot be evaluated against this schema. */
  public void validate(Filter filter) {
    compile(filter);
  }

  /**
   * Validates once and returns the filter as a reusable predicate over resources; use it to filter a collection
   * without re-validating per resource.
   */
  public Predicate<Map<String, Object>> compile(Filter filter) {
    return filter.accept(new FilterCompiler(new Scope.Resource(schema)));
  }

  /** Validates the filter, then tests one resource. */
  public boolean matches(Filter filter, Map<String, Object> resource) {
    return compile(filter).test(resource);
  }

  /**
   * Tests one element of a multi-valued complex attribute against a value filter: the {@code [...]} part of a
   * filter or of a PATCH path such as {@code emails[type eq "work"].value}. Paths in {@code valueFilter} are plain
   * sub-attribute names of {@code attribute} ({@code AttributePath.of("type")}); the same rules as
   * {@link #matches} apply. Throws {@link ScimException#invalidFilter} when {@code attribute} is not complex or the
   * filter does not fit its sub-attributes, whatever the element.
   *
   * @param valueFilter the filter inside the brackets, e.g. {@link PatchPath#valueFilter()}
   * @param element one element of the attribute, e.g. {@code {"type": "work", "value": "a@x.com"}}
   * @param attribute the multi-valued (or single) complex attribute the element belongs to
   */
  public boolean matchesElement(Filter valueFilter, Map<String, Object> element, AttributeDefinition attribute) {
    return FilterCompiler.forElements(valueFilter, attribute, attribute.name()).test(element);
  }
}
