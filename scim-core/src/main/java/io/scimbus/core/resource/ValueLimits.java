package io.scimbus.core.resource;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import java.util.Locale;
import java.util.Set;

/**
 * The bounds of one request's attribute values, checked while a value is normalised, so an oversized value is
 * refused before it is copied, stored or put in an event. Discovery advertises them from here.
 *
 * <p>Identifying text ({@code userName}, {@code externalId}, {@code displayName}, the {@code value} of a
 * multi-valued attribute such as a member or an email, and every value a profile declares unique) is indexed by
 * PostgreSQL, whose btree entries hold at most 2,704 bytes; {@code lower()} can make a value half as long again,
 * so such text is limited to 1,024 UTF-8 bytes. Other text is bounded too, so no resource grows without limit.
 */
public final class ValueLimits {
  public static final int IDENTIFIER_MAX_BYTES = 1024;
  public static final int TEXT_MAX_BYTES = 16_384;
  public static final int MAX_VALUES = 1000;
  /** Per request, not per group: groups of 100,000+ members are filled by several requests. */
  public static final int MAX_MEMBERS_PER_REQUEST = 20_000;

  private static final String MEMBERS = "members";
  private static final Set<String> IDENTIFYING = Set.of("id", "username", "externalid", "displayname", "value");

  private ValueLimits() {
  }

  /**
   * Identifying attributes are text compared, indexed and used as keys; none of them holds a control character.
   * References, binaries and dateTimes are not free text either.
   */
  public static boolean isIdentifier(AttributeDefinition attribute) {
    return attribute.type() != AttributeType.STRING || IDENTIFYING.contains(lower(attribute.name()));
  }

  public static int maxBytes(AttributeDefinition attribute) {
    return attribute.type() == AttributeType.STRING && IDENTIFYING.contains(lower(attribute.name()))
        ? IDENTIFIER_MAX_BYTES : TEXT_MAX_BYTES;
  }

  /** How many values a multi-valued attribute takes in one request. */
  public static int maxValues(AttributeDefinition attribute) {
    return MEMBERS.equalsIgnoreCase(attribute.name()) ? MAX_MEMBERS_PER_REQUEST : MAX_VALUES;
  }

  /** Throws invalidValue when {@code text} is longer than {@code attribute} takes or holds a forbidden character. */
  public static void checkText(AttributeDefinition attribute, String text, String path) {
    checkLength(text, maxBytes(attribute), path);
    ControlCharacters.check(text, !isIdentifier(attribute), path);
  }

  /** Throws invalidValue when {@code text} is longer than {@code maxBytes} in UTF-8. */
  public static void checkLength(String text, int maxBytes, String path) {
    // Each char is 1 to 3 bytes (a surrogate pair 4 for 2), so the exact count is needed only in between.
    if (text.length() * 3L <= maxBytes) {
      return;
    }
    if (text.length() > maxBytes || utf8Length(text) > maxBytes) {
      throw ScimException.invalidValue(path + " is longer than " + maxBytes + " bytes (UTF-8), the limit for this"
          + " attribute");
    }
  }

  /** Throws invalidValue when a multi-valued attribute holds more values than {@link #maxValues} allows. */
  public static void checkCount(AttributeDefinition attribute, int count, String path) {
    int max = maxValues(attribute);
    if (count > max) {
      throw ScimException.invalidValue(path + " has " + count + " values; at most " + max + " are accepted"
          + (max == MAX_MEMBERS_PER_REQUEST ? " per request (send more in further requests)" : ""));
    }
  }

  /** The sentence {@code /Schemas} adds to an attribute's description; empty when no limit applies. */
  public static String describe(AttributeDefinition attribute) {
    StringBuilder sentence = new StringBuilder();
    if (attribute.multiValued()) {
      sentence.append("At most ").append(maxValues(attribute))
          .append(MEMBERS.equalsIgnoreCase(attribute.name()) ? " values per request." : " values.");
    }
    if (attribute.type() != AttributeType.COMPLEX && attribute.type() != AttributeType.BOOLEAN
        && attribute.type() != AttributeType.INTEGER && attribute.type() != AttributeType.DECIMAL) {
      sentence.append(sentence.isEmpty() ? "" : " ").append("At most ").append(maxBytes(attribute))
          .append(" bytes (UTF-8) per value, ").append(isIdentifier(attribute) ? "no control characters."
              : "no control characters but tab, CR and LF.");
    }
    return sentence.toString();
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
