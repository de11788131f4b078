package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ControlCharacters;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the filter grammar of RFC 7644 §3.4.2.2 into the {@link Filter} AST.
 *
 * <p>Precedence from loosest to tightest: {@code or}, {@code and}, then {@code not (...)}, parentheses, value paths
 * and attribute expressions. Keywords, operators and {@code true}/{@code false}/{@code null} are case-insensitive;
 * whitespace between tokens may be any amount. Paths inside {@code attr[...]} name sub-attributes of {@code attr}
 * ({@code AttributePath.of("type")}); value paths do not nest and are not followed by {@code .sub} in a filter.
 * Numbers become {@link BigDecimal}s exactly as written (scale included), strings are JSON strings.
 *
 * <p>Every syntax error is {@link ScimException#invalidFilter} with a detail naming the 1-based position and what
 * was expected there.
 */
public final class FilterParser {
  /** Far above any filter a provisioning client sends, low enough that evaluators can recurse over the AST. */
  static final int MAX_LENGTH = 10_000;
  /** Nesting of parentheses and brackets, bounded so a hostile filter cannot overflow the parser's stack. */
  static final int MAX_DEPTH = 200;

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final String OPERATORS = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";

  private final Cursor in;
  private int depth;
  /** The attribute whose value filter is being parsed, null outside brackets. */
  private AttributePath valuePathOwner;

  private FilterParser(Cursor in) {
    this.in = in;
  }

  public static Filter parse(String text) {
    if (text == null || text.isBlank()) {
      throw ScimException.invalidFilter("filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw ScimException.invalidFilter("filter is longer than " + MAX_LENGTH + " characters");
    }
    Cursor in = new Cursor(text, ScimException::invalidFilter);
    FilterParser parser = new FilterParser(in);
    Filter filter = parser.parseOr();
    in.skipWhitespace();
    if (!in.atEnd()) {
      throw parser.unexpected("end of filter");
    }
    return filter;
  }

  /**
   * Parses {@code [valFilter]} for a PATCH path: the cursor is on {@code [}, and is left just after {@code ]}.
   * Errors go through the cursor's factory, so they report the PATCH path's scimType.
   */
  static Filter parseValueFilter(Cursor in, AttributePath owner) {
    return new FilterParser(in).bracketed(owner);
  }

  /**
   * Reads an attribute path: {@code name}, {@code name.sub} or {@code <schema URN>:name[.sub]}. The URN is everything
   * before the last colon, because URNs contain dots ("2.0") while attribute names never contain colons.
   */
  static AttributePath attributePath(Cursor in) {
    int position = in.position();
    String token = in.readPathToken();
    if (token.isEmpty()) {
      throw in.fail("expected an attribute path at position " + position + ", found " + in.describeNext());
    }
    int lastColon = token.lastIndexOf(':');
    String urn = lastColon < 0 ? null : token.substring(0, lastColon);
    String names = token.substring(lastColon + 1);
    if (names.isEmpty()) {
      throw in.fail("expected an attribute name after the schema URN \"" + urn + "\" at position "
          + (position + token.length()));
    }
    String[] parts = names.split("\\.", -1);
    if (parts.length > 2) {
      throw in.fail("attribute path \"" + token + "\" at position " + position
          + " has more than one sub-attribute; SCIM attributes nest only one level");
    }
    for (String part : parts) {
      if (!isAttributeName(part)) {
        throw in.fail("invalid attribute name \"" + part + "\" in \"" + token + "\" at position " + position
            + "; names start with a letter and contain letters, digits, '_', '-' or '$'");
      }
    }
    return new AttributePath(urn, parts[0], parts.length == 2 ? parts[1] : null);
  }

  static boolean isAttributeName(String name) {
    if (name.isEmpty() || !(Cursor.isAsciiLetter(name.charAt(0)) || name.charAt(0) == '$')) {
      return false;
    }
    return name.chars().allMatch(c -> Cursor.isNameChar((char) c));
  }

  private Filter parseOr() {
    Filter left = parseAnd();
    while (keyword("or")) {
      left = new Filter.Or(left, parseAnd());
    }
    return left;
  }

  private Filter parseAnd() {
    Filter left = parseTerm();
    while (keyword("and")) {
      left = new Filter.And(left, parseTerm());
    }
    return left;
  }

  private Filter parseTerm() {
    in.skipWhitespace();
    if (in.atEnd()) {
      throw in.fail("expected an attribute path, \"(\" or \"not (\" at position " + in.position()
          + ", found end of input");
    }
    if (in.peekIs('(')) {
      return parenthesized();
    }
    if (keyword("not")) {
      in.skipWhitespace();
      if (!in.peekIs('(')) {
        throw in.fail("expected \"(\" after \"not\" at position " + in.position() + ", found " + in.describeNext());
      }
      return new Filter.Not(parenthesized());
    }
    return attributeExpression();
  }

  private Filter parenthesized() {
    int open = in.position();
    in.next();
    enter();
    Filter inner = parseOr();
    in.skipWhitespace();
    if (in.atEnd()) {
      throw in.fail("missing \")\" to close \"(\" at position " + open);
    }
    if (!in.peekIs(')')) {
      throw unexpected("\")\"");
    }
    in.next();
    depth--;
    return inner;
  }

  private Filter attributeExpression() {
    AttributePath path = attributePath(in);
    if (valuePathOwner != null && (path.schemaUrn() != null || path.subAttribute() != null)) {
      throw in.fail("expected a sub-attribute name of \"" + valuePathOwner + "\" inside \"[...]\", found \"" + path
          + "\" before position " + in.position());
    }
    in.skipWhitespace();
    if (in.peekIs('[')) {
      Filter inner = bracketed(path);
      if (in.peekIs('.')) {
        throw in.fail("a value path cannot be followed by a sub-attribute in a filter (position " + in.position()
            + "); put the condition inside the brackets, e.g. " + path + "[type eq \"work\" and value pr]");
      }
      return new Filter.ValuePath(path, inner);
    }
    int position = in.position();
    String word = in.readWord();
    if (word.isEmpty()) {
      throw in.fail("expected a comparison operator after \"" + path + "\" at position " + position + ", found "
          + in.describeNext());
    }
    if (word.equalsIgnoreCase("pr")) {
      rejectValueAfterPresent();
      return new Filter.Present(path);
    }
    ComparisonOperator operator = ComparisonOperator.parse(word).orElseThrow(() -> in.fail(
        "unknown operator \"" + word + "\" after \"" + path + "\" at position " + position + "; expected "
            + OPERATORS));
    return new Filter.Comparison(path, operator, value(word));
  }

  private Filter bracketed(AttributePath owner) {
    int open = in.position();
    if (valuePathOwner != null) {
      throw in.fail("value paths cannot be nested: \"[\" at position " + open + " is inside the value filter of \""
          + valuePathOwner + "\"");
    }
    if (owner.subAttribute() != null) {
      throw in.fail("a value filter applies to a multi-valued attribute, not to the sub-attribute \"" + owner
          + "\" (\"[\" at position " + open + ")");
    }
    in.next();
    enter();
    valuePathOwner = owner;
    Filter inner = parseOr();
    in.skipWhitespace();
    if (in.atEnd()) {
      throw in.fail("missing \"]\" to close \"[\" at position " + open);
    }
    if (!in.peekIs(']')) {
      throw unexpected("\"]\"");
    }
    in.next();
    valuePathOwner = null;
    depth--;
    return inner;
  }

  private void rejectValueAfterPresent() {
    int saved = in.index();
    in.skipWhitespace();
    int position = in.position();
    boolean value = !in.atEnd() && (in.peek() == '"' || in.peek() == '-' || Character.isDigit(in.peek())
        || isLiteralWord(in.peekWord()));
    if (value) {
      throw in.fail("\"pr\" takes no value, found " + in.describeNext() + " at position " + position);
    }
    in.reset(saved);
  }

  private Object value(String operator) {
    in.skipWhitespace();
    int position = in.position();
    if (in.atEnd()) {
      throw in.fail("missing value after \"" + operator + "\" at position " + position);
    }
    char c = in.peek();
    if (c == '"') {
      return string();
    }
    if (c == '-' || Character.isDigit(c)) {
      return number();
    }
    String word = in.readWord();
    if (isLiteralWord(word) && !nameCharFollows()) {
      return word.equalsIgnoreCase("null") ? null : Boolean.valueOf(word.toLowerCase(Locale.ROOT));
    }
    in.reset(position - 1);
    throw in.fail("expected a value (a string in double quotes, a number, true, false or null) after \"" + operator
        + "\" at position " + position + ", found " + in.describeNext());
  }

  private static boolean isLiteralWord(String word) {
    return word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false") || word.equalsIgnoreCase("null");
  }

  private String string() {
    int open = in.position();
    in.next();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (in.atEnd()) {
        throw in.fail("unterminated string starting at position " + open);
      }
      char c = in.next();
      if (c == '"') {
        return checked(sb.toString(), open);
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (in.atEnd()) {
        throw in.fail("unterminated string starting at position " + open);
      }
      int escape = in.position() - 1;
      char e = in.next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(unicodeEscape(escape));
        default -> throw in.fail("invalid escape \"\\" + e + "\" at position " + escape
            + "; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      }
    }
  }

  // PostgreSQL cannot hold NUL in text, so no stored value can equal a literal holding one: the filter is wrong.
  private String checked(String literal, int open) {
    if (ControlCharacters.containsNul(literal)) {
      throw in.fail("the string starting at position " + open + " contains NUL (U+0000), which no value holds");
    }
    return literal;
  }

  private char unicodeEscape(int escapePosition) {
    int start = in.index();
    String hex = in.text().substring(start, Math.min(start + 4, in.text().length()));
    if (hex.length() < 4 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw in.fail("invalid \\u escape at position " + escapePosition + "; expected 4 hex digits");
    }
    in.reset(start + 4);
    return (char) Integer.parseInt(hex, 16);
  }

  private BigDecimal number() {
    int position = in.position();
    Matcher matcher = NUMBER.matcher(in.text()).region(in.index(), in.text().length());
    if (!matcher.lookingAt()) {
      throw in.fail("invalid number at position " + position + ", found " + in.describeNext());
    }
    in.reset(matcher.end());
    if (!in.atEnd() && (in.peek() == '.' || nameCharFollows())) {
      in.reset(position - 1);
      throw in.fail("invalid number at position " + position + ", found " + in.describeNext());
    }
    return new BigDecimal(matcher.group());
  }

  private boolean nameCharFollows() {
    return !in.atEnd() && Cursor.isNameChar(in.peek());
  }

  /** Consumes {@code word} when it is the next token, as a whole word. */
  private boolean keyword(String word) {
    int saved = in.index();
    in.skipWhitespace();
    if (in.readWord().equalsIgnoreCase(word) && !nameCharFollows()) {
      return true;
    }
    in.reset(saved);
    return false;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw in.fail("filter nests deeper than " + MAX_DEPTH + " levels at position " + in.position());
    }
  }

  /** The error for a token that cannot continue the expression: expected "and", "or" or {@code closing}. */
  private ScimException unexpected(String closing) {
    int position = in.position();
    if (in.peekIs(')') && depth == 0) {
      return in.fail("\")\" at position " + position + " has no matching \"(\"");
    }
    if (in.peekIs(']') && valuePathOwner == null) {
      return in.fail("\"]\" at position " + position + " has no matching \"[\"");
    }
    return in.fail("expected \"and\", \"or\" or " + closing + " at position " + position + ", found "
        + in.describeNext());
  }
}
