package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 7644 §3.5.2 PATCH paths: {@code attrPath}, or {@code attrPath[valFilter]} optionally followed by
 * {@code .subAttr}. The value filter uses the {@link FilterParser} grammar. Every error is
 * {@link ScimException#invalidPath}, even one inside the brackets, because the client sent a bad path.
 *
 * <p>A bare schema URN is syntactically indistinguishable from {@code urn:...:2.0:User} naming attribute "User" of
 * schema "urn:...:2.0", so it is recognised by comparing the whole path with the known schema URNs,
 * case-insensitively.
 */
public final class PathParser {
  private static final List<String> BUILT_IN_URNS = builtInUrns();

  private PathParser() {
  }

  /** Parses a path, recognising the URNs of the built-in User, enterprise User and Group schemas as schema-only. */
  public static PatchPath parse(String path) {
    return parse(path, BUILT_IN_URNS);
  }

  /** Parses a path, recognising the URNs of {@code schema} (tenant extensions included) as schema-only. */
  public static PatchPath parse(String path, ResourceSchema schema) {
    return parse(path, schema.schemaUrns());
  }

  private static PatchPath parse(String path, List<String> schemaUrns) {
    if (path == null || path.isBlank()) {
      throw ScimException.invalidPath("path is empty");
    }
    if (path.length() > FilterParser.MAX_LENGTH) {
      throw ScimException.invalidPath("path is longer than " + FilterParser.MAX_LENGTH + " characters");
    }
    String text = path.strip();
    for (String urn : schemaUrns) {
      if (urn.equalsIgnoreCase(text)) {
        return PatchPath.schemaOnly(text);
      }
    }
    Cursor in = new Cursor(text, ScimException::invalidPath);
    AttributePath attribute = FilterParser.attributePath(in);
    if (in.atEnd()) {
      return PatchPath.of(attribute);
    }
    if (!in.peekIs('[')) {
      throw in.fail("expected \"[\" or end of path after \"" + attribute + "\" at position " + in.position()
          + ", found " + in.describeNext());
    }
    Filter valueFilter = FilterParser.parseValueFilter(in, attribute);
    String subAttribute = in.atEnd() ? null : subAttributeAfterFilter(in);
    return new PatchPath(attribute, valueFilter, subAttribute);
  }

  private static String subAttributeAfterFilter(Cursor in) {
    if (!in.peekIs('.')) {
      throw in.fail("expected \".\" and a sub-attribute or end of path after \"]\" at position " + in.position()
          + ", found " + in.describeNext());
    }
    in.next();
    int position = in.position();
    String name = in.readPathToken();
    if (!FilterParser.isAttributeName(name) || !in.atEnd()) {
      throw in.fail("expected a sub-attribute name at position " + position + ", found \""
          + in.text().substring(position - 1) + "\"");
    }
    return name;
  }

  private static List<String> builtInUrns() {
    List<String> urns = new ArrayList<>(ResourceSchema.users().schemaUrns());
    urns.addAll(ResourceSchema.groups().schemaUrns());
    return List.copyOf(urns);
  }
}
