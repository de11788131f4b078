package io.scimbus.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.scimbus.core.filter.Filter.And;
import io.scimbus.core.filter.Filter.Comparison;
import io.scimbus.core.filter.Filter.Not;
import io.scimbus.core.filter.Filter.Or;
import io.scimbus.core.filter.Filter.Present;
import io.scimbus.core.filter.Filter.ValuePath;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  static Stream<Arguments> validFilters() {
    return Stream.of(
        // every operator
        arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
        arguments("userName ne \"bjensen\"", cmp("userName", ComparisonOperator.NE, "bjensen")),
        arguments("name.familyName co \"O'Malley\"", cmp("name.familyName", ComparisonOperator.CO, "O'Malley")),
        arguments("userName sw \"J\"", cmp("userName", ComparisonOperator.SW, "J")),
        arguments("userName ew \"son\"", cmp("userName", ComparisonOperator.EW, "son")),
        arguments("meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", ComparisonOperator.GT, "2011-05-13T04:42:34Z")),
        arguments("meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            cmp("meta.lastModified", ComparisonOperator.GE, "2011-05-13T04:42:34Z")),
        arguments("meta.lastModified lt \"2011-05-13T04:42:34+02:00\"",
            cmp("meta.lastModified", ComparisonOperator.LT, "2011-05-13T04:42:34+02:00")),
        arguments("meta.lastModified le \"2011-05-13T04:42:34.5Z\"",
            cmp("meta.lastModified", ComparisonOperator.LE, "2011-05-13T04:42:34.5Z")),
        arguments("title pr", new Present(path("title"))),
        // case-insensitive operators and keywords
        arguments("userName EQ \"x\"", eq("userName", "x")),
        arguments("userName Eq \"x\"", eq("userName", "x")),
        arguments("title PR", new Present(path("title"))),
        arguments("title pr AND userName eq \"x\"", new And(new Present(path("title")), eq("userName", "x"))),
        arguments("title pr Or userName eq \"x\"", new Or(new Present(path("title")), eq("userName", "x"))),
        arguments("NOT (title pr)", new Not(new Present(path("title")))),
        // whitespace
        arguments("  userName   eq    \"x\"  ", eq("userName", "x")),
        arguments("userName\teq\t\"x\"", eq("userName", "x")),
        arguments("(userName eq \"x\")", eq("userName", "x")),
        arguments("( ( userName eq \"x\" ) )", eq("userName", "x")),
        // precedence and grouping
        arguments("a eq 1 or b eq 2 and c eq 3", new Or(eq("a", num("1")), new And(eq("b", num("2")), eq("c", num("3"))))),
        arguments("a eq 1 and b eq 2 or c eq 3", new Or(new And(eq("a", num("1")), eq("b", num("2"))), eq("c", num("3")))),
        arguments("(a eq 1 or b eq 2) and c eq 3", new And(new Or(eq("a", num("1")), eq("b", num("2"))), eq("c", num("3")))),
        arguments("a pr and b pr and c pr", new And(new And(pr("a"), pr("b")), pr("c"))),
        arguments("a pr or b pr or c pr", new Or(new Or(pr("a"), pr("b")), pr("c"))),
        arguments("a pr and (b pr or (c pr and d pr))", new And(pr("a"), new Or(pr("b"), new And(pr("c"), pr("d"))))),
        arguments("not (a pr) and b pr", new And(new Not(pr("a")), pr("b"))),
        arguments("not(a pr or b pr)", new Not(new Or(pr("a"), pr("b")))),
        arguments("not (not (a pr))", new Not(new Not(pr("a")))),
        arguments("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            new And(eq("userType", "Employee"), new Or(cmp("emails", ComparisonOperator.CO, "example.com"),
                cmp("emails.value", ComparisonOperator.CO, "example.org")))),
        // value paths
        arguments("emails[type eq \"work\"]", new ValuePath(path("emails"), eq("type", "work"))),
        arguments("emails[type eq \"work\" and value co \"@example.com\"]", new ValuePath(path("emails"),
            new And(eq("type", "work"), cmp("value", ComparisonOperator.CO, "@example.com")))),
        arguments("emails[not (type eq \"work\")]", new ValuePath(path("emails"), new Not(eq("type", "work")))),
        arguments("emails[(type eq \"work\" or type eq \"home\") and primary eq true]", new ValuePath(path("emails"),
            new And(new Or(eq("type", "work"), eq("type", "home")), eq("primary", true)))),
        arguments("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            new And(eq("userType", "Employee"), new ValuePath(path("emails"),
                new And(eq("type", "work"), cmp("value", ComparisonOperator.CO, "@example.com"))))),
        arguments("emails[type eq \"work\"] or ims[type eq \"xmpp\"]", new Or(
            new ValuePath(path("emails"), eq("type", "work")), new ValuePath(path("ims"), eq("type", "xmpp")))),
        arguments("not (emails[type eq \"work\"])", new Not(new ValuePath(path("emails"), eq("type", "work")))),
        arguments("emails [ type eq \"work\" ]", new ValuePath(path("emails"), eq("type", "work"))),
        // URN-qualified paths: the URN is everything before the last ':'
        arguments(ENTERPRISE + ":employeeNumber eq \"701984\"",
            new Comparison(new AttributePath(ENTERPRISE, "employeeNumber", null), ComparisonOperator.EQ, "701984")),
        arguments(ENTERPRISE + ":manager.value eq \"26118915\"",
            new Comparison(new AttributePath(ENTERPRISE, "manager", "value"), ComparisonOperator.EQ, "26118915")),
        arguments(CORE_USER + ":name.familyName pr", new Present(new AttributePath(CORE_USER, "name", "familyName"))),
        arguments(ENTERPRISE + ":manager[value eq \"x\"]",
            new ValuePath(new AttributePath(ENTERPRISE, "manager", null), eq("value", "x"))),
        arguments("groups.$ref pr", new Present(AttributePath.of("groups", "$ref"))),
        arguments("x_y-z9 pr", new Present(path("x_y-z9"))),
        arguments("not-sure pr and notes pr", new And(pr("not-sure"), pr("notes"))),
        arguments("orgUnit pr or andrew pr", new Or(pr("orgUnit"), pr("andrew"))),
        // string escapes
        arguments("displayName eq \"a\\\"b\"", eq("displayName", "a\"b")),
        arguments("displayName eq \"a\\\\b\"", eq("displayName", "a\\b")),
        arguments("displayName eq \"a\\/b\"", eq("displayName", "a/b")),
        arguments("displayName eq \"\\b\\f\\n\\r\\t\"", eq("displayName", "\b\f\n\r\t")),
        arguments("displayName eq \"caf\\u00e9 \\u00C9\"", eq("displayName", "café É")),
        arguments("displayName eq \"\"", eq("displayName", "")),
        arguments("displayName eq \"and or not ( ) [ ] eq\"", eq("displayName", "and or not ( ) [ ] eq")),
        arguments("displayName eq \"日本語\"", eq("displayName", "日本語")),
        // numbers, booleans, null
        arguments("x eq 42", eq("x", num("42"))),
        arguments("x eq -7", eq("x", num("-7"))),
        arguments("x eq 0", eq("x", num("0"))),
        arguments("x gt 3.14", cmp("x", ComparisonOperator.GT, num("3.14"))),
        arguments("x lt 1.50", cmp("x", ComparisonOperator.LT, num("1.50"))),
        arguments("x eq 1e3", eq("x", num("1e3"))),
        arguments("x eq 2.5E-3", eq("x", num("2.5E-3"))),
        arguments("x eq -1.5e+2", eq("x", num("-1.5e+2"))),
        arguments("active eq true", eq("active", true)),
        arguments("active eq false", eq("active", false)),
        arguments("active eq TRUE", eq("active", true)),
        arguments("active eq False", eq("active", false)),
        arguments("title eq null", eq("title", null)),
        arguments("title ne NULL", cmp("title", ComparisonOperator.NE, null)),
        arguments("active eq \"True\"", eq("active", "True")),
        // what Entra ID and Okta send
        arguments("userName eq \"test@contoso.com\"", eq("userName", "test@contoso.com")),
        arguments("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"",
            eq("externalId", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef")),
        arguments("displayName eq \"Group\"", eq("displayName", "Group")),
        arguments("id eq \"2819c223-7f76-453a-919d-413861904646\"",
            eq("id", "2819c223-7f76-453a-919d-413861904646")),
        arguments("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
            new ValuePath(path("members"), eq("value", "2819c223-7f76-453a-919d-413861904646"))),
        arguments("userName eq \"x\" and active eq true", new And(eq("userName", "x"), eq("active", true))),
        arguments("userName eq \"isaac.brock@example.com\"", eq("userName", "isaac.brock@example.com")),
        arguments("id eq \"abc\" and members[value eq \"def\"]",
            new And(eq("id", "abc"), new ValuePath(path("members"), eq("value", "def")))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validFilters")
  void parsesToTheExpectedTree(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  static Stream<Arguments> invalidFilters() {
    return Stream.of(
        arguments("", "filter is empty"),
        arguments("   ", "filter is empty"),
        arguments("userName", "expected a comparison operator after \"userName\" at position 9"),
        arguments("userName \"x\"", "expected a comparison operator after \"userName\" at position 10"),
        arguments("userName equals \"x\"", "unknown operator \"equals\" after \"userName\" at position 10"),
        arguments("userName eq", "missing value after \"eq\" at position 12"),
        arguments("userName eq   ", "missing value after \"eq\" at position 15"),
        arguments("userName eq bjensen", "expected a value (a string in double quotes, a number, true, false or null)"
            + " after \"eq\" at position 13, found \"bjensen\""),
        arguments("userName eq 'x'", "after \"eq\" at position 13, found \"'x'\""),
        arguments("userName eq \"bjensen", "unterminated string starting at position 13"),
        arguments("userName eq \"bj\\", "unterminated string starting at position 13"),
        arguments("userName eq \"a\\x\"", "invalid escape \"\\x\" at position 15"),
        arguments("userName eq \"\\u12\"", "invalid \\u escape at position 14; expected 4 hex digits"),
        arguments("(userName eq \"x\"", "missing \")\" to close \"(\" at position 1"),
        arguments("a pr and ((b pr)", "missing \")\" to close \"(\" at position 10"),
        arguments("userName eq \"x\")", "\")\" at position 16 has no matching \"(\""),
        arguments("emails[type eq \"work\"", "missing \"]\" to close \"[\" at position 7"),
        arguments("emails[type eq \"work\")", "expected \"and\", \"or\" or \"]\" at position 22, found \")\""),
        arguments("(emails pr]", "\"]\" at position 11 has no matching \"[\""),
        arguments("userName eq \"x\" garbage", "expected \"and\", \"or\" or end of filter at position 17, found \"garbage\""),
        arguments("userName eq \"x\" and", "expected an attribute path, \"(\" or \"not (\" at position 20, found end of input"),
        arguments("and userName eq \"x\"", "unknown operator \"userName\" after \"and\" at position 5"),
        arguments("a[b[c eq 1]]", "value paths cannot be nested: \"[\" at position 4 is inside the value filter of \"a\""),
        arguments("emails[type eq \"work\"].value eq \"x\"", "a value path cannot be followed by a sub-attribute in a filter"),
        arguments("emails[name.x eq 1]", "expected a sub-attribute name of \"emails\" inside \"[...]\", found \"name.x\""),
        arguments("name.familyName[value eq 1]", "not to the sub-attribute \"name.familyName\""),
        arguments("title pr \"x\"", "\"pr\" takes no value, found \"\"x\"\" at position 10"),
        arguments("title pr true", "\"pr\" takes no value"),
        arguments("not title pr", "expected \"(\" after \"not\" at position 5"),
        arguments("a.b.c pr", "attribute path \"a.b.c\" at position 1 has more than one sub-attribute"),
        arguments("1abc pr", "invalid attribute name \"1abc\""),
        arguments(ENTERPRISE + ": pr", "expected an attribute name after the schema URN"),
        arguments("\"x\" eq userName", "expected an attribute path at position 1, found \"\"x\" eq userN...\""),
        arguments("x eq 12abc", "invalid number at position 6"),
        arguments("x eq 1.2.3", "invalid number at position 6"),
        arguments("x eq -", "invalid number at position 6"),
        arguments("x eq truex", "found \"truex\""),
        arguments("(".repeat(201) + "a pr" + ")".repeat(201), "filter nests deeper than 200 levels"),
        arguments("a pr or ".repeat(1300) + "a pr", "filter is longer than 10000 characters"),
        arguments("userName eq \"a\u0000b\"", "contains NUL (U+0000)"),
        arguments("userName eq \"a\\u0000b\"", "contains NUL (U+0000)"),
        arguments("emails[value eq \"\u0000\"]", "contains NUL (U+0000)"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidFilters")
  void rejectsWithAPreciseDetail(String text, String expectedDetail) {
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(text));
    assertEquals(400, e.status());
    assertEquals(ScimType.INVALID_FILTER, e.scimType());
    assertTrue(e.detail().contains(expectedDetail), () -> "detail was: " + e.detail());
  }

  @Test
  void nullIsAnEmptyFilter() {
    ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(null));
    assertEquals(ScimType.INVALID_FILTER, e.scimType());
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String text = "(".repeat(FilterParser.MAX_DEPTH) + "a pr" + ")".repeat(FilterParser.MAX_DEPTH);
    assertEquals(pr("a"), FilterParser.parse(text));
  }

  @Test
  void keepsLongOrChainsLeftAssociative() {
    Filter parsed = FilterParser.parse("a pr or ".repeat(500) + "a pr");
    int depth = 0;
    for (Filter f = parsed; f instanceof Or or; f = or.left()) {
      assertEquals(pr("a"), or.right());
      depth++;
    }
    assertEquals(500, depth);
  }

  private static AttributePath path(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? AttributePath.of(dotted) : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
  }

  private static Comparison cmp(String path, ComparisonOperator op, Object value) {
    return new Comparison(path(path), op, value);
  }

  private static Comparison eq(String path, Object value) {
    return cmp(path, ComparisonOperator.EQ, value);
  }

  private static Present pr(String path) {
    return new Present(path(path));
  }

  private static BigDecimal num(String text) {
    return new BigDecimal(text);
  }
}
