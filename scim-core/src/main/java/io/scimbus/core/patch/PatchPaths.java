package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.ComparisonOperator;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.patch.quirks.StringBooleans;
import io.scimbus.core.schema.ResourceSchema;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Stand-in PATCH path parser until the full filter parser lands; the only class to replace then. It reads
 * {@code attr}, {@code attr.sub}, {@code urn:...:attr[.sub]}, a bare extension URN, and
 * {@code attr[filter][.sub]} where the filter is {@code sub eq "text"|true|false} joined by {@code and}.
 */
final class PatchPaths {
  private static final Pattern NAME = Pattern.compile("\\$?[A-Za-z][A-Za-z0-9_$-]*");

  private PatchPaths() {
  }

  static PatchPath parse(String raw, ResourceSchema schema) {
    String path = raw.trim();
    int open = path.indexOf('[');
    String head = open < 0 ? path : path.substring(0, open);
    Filter filter = null;
    String afterFilter = null;
    if (open >= 0) {
      int close = path.lastIndexOf(']');
      if (close < open) {
        throw ScimException.invalidPath("unbalanced [ in path " + raw);
      }
      filter = new FilterReader(path.substring(open + 1, close), raw).read();
      String rest = path.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(".")) {
          throw ScimException.invalidPath("unexpected \"" + rest + "\" after ] in path " + raw);
        }
        afterFilter = name(rest.substring(1), raw);
      }
    }
    String urn = null;
    String local = head;
    if (head.regionMatches(true, 0, "urn:", 0, 4)) {
      if (filter == null && schema.extensions().stream().anyMatch(e -> e.id().equalsIgnoreCase(head))) {
        return new PatchPath(head, null, null, null);
      }
      int colon = head.lastIndexOf(':');
      urn = head.substring(0, colon);
      local = head.substring(colon + 1);
    }
    int dot = local.indexOf('.');
    String attribute = name(dot < 0 ? local : local.substring(0, dot), raw);
    String sub = dot < 0 ? null : name(local.substring(dot + 1), raw);
    if (sub != null && filter != null) {
      throw ScimException.invalidPath("a value filter follows the attribute, not its sub-attribute: " + raw);
    }
    return new PatchPath(urn, attribute, filter, filter != null ? afterFilter : sub);
  }

  private static String name(String text, String raw) {
    if (!NAME.matcher(text).matches()) {
      throw ScimException.invalidPath("\"" + text + "\" is not an attribute name in path " + raw);
    }
    return text;
  }

  /** {@code name eq literal (and name eq literal)*}, nothing more. */
  private static final class FilterReader {
    private final String text;
    private final String raw;
    private int pos;

    FilterReader(String text, String raw) {
      this.text = text;
      this.raw = raw;
    }

    Filter read() {
      Filter filter = comparison();
      while (skipSpaces() < text.length()) {
        if (!"and".equals(word().toLowerCase(Locale.ROOT))) {
          throw unsupported();
        }
        filter = new Filter.And(filter, comparison());
      }
      return filter;
    }

    private Filter comparison() {
      skipSpaces();
      String attribute = word();
      if (!NAME.matcher(attribute).matches()) {
        throw unsupported();
      }
      skipSpaces();
      if (ComparisonOperator.parse(word()).filter(ComparisonOperator.EQ::equals).isEmpty()) {
        throw unsupported();
      }
      skipSpaces();
      return new Filter.Comparison(AttributePath.of(attribute), ComparisonOperator.EQ, literal());
    }

    private Object literal() {
      if (pos < text.length() && text.charAt(pos) == '"') {
        return string();
      }
      // Filter booleans are JSON literals; StringBooleans keeps the lenient spelling consistent with values.
      return StringBooleans.parse(word()).orElseThrow(this::unsupported);
    }

    private String string() {
      StringBuilder sb = new StringBuilder();
      pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && pos < text.length()) {
          char escaped = text.charAt(pos++);
          sb.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
        } else {
          sb.append(c);
        }
      }
      throw ScimException.invalidFilter("unterminated string in path " + raw);
    }

    private String word() {
      int start = pos;
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private int skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return pos;
    }

    private ScimException unsupported() {
      return ScimException.invalidFilter("unsupported value filter in path " + raw
          + "; only sub-attribute eq \"value\" joined by and is supported");
    }
  }
}
