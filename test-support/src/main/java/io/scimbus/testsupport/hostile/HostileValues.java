package io.scimbus.testsupport.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The raw material of hostile requests: malformed JSON, invalid UTF-8, control characters, incompressible long
 * strings and hostile filters. None of it contains text that could be mistaken for leaked internals (Java class
 * names, SQL), so such text in an answer can only come from the server.
 */
final class HostileValues {
  /** Byte sequences that are not UTF-8: overlong '/', overlong 3-byte, a UTF-16 surrogate, 5-byte, 0xFF, stray. */
  static final List<byte[]> INVALID_UTF8 = List.of(
      new byte[] {(byte) 0xC0, (byte) 0xAF},
      new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      new byte[] {(byte) 0xFF},
      new byte[] {(byte) 0x80},
      new byte[] {(byte) 0xE2, (byte) 0x82},
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
  /** Percent-encoded forms of the same, for query strings and paths. */
  static final List<String> INVALID_UTF8_PERCENT = List.of("%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F8%88%80%80%80",
      "%FF", "%80", "%E2%82", "%F4%90%80%80", "%C3%28");
  /** JSON string escapes that decode to no Unicode scalar value (lone and reversed surrogates). */
  static final List<String> BAD_ESCAPES = List.of("\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d");
  private static final String PLACEHOLDER = "@@raw@@";
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final List<String> ODD_FILTERS = List.of(
      "userName eq", "userName eq \"a", "(userName eq \"a\"", "userName eq \"a\")", "((((userName pr)))",
      "userName eq \"a\" and", "or userName pr", "userName xx \"a\"", "userName eq a", "userName eq 'a'",
      "nosuch eq \"x\"", "userName gt 5", "userName eq true", "userName eq null", "meta.created gt \"notadate\"",
      "meta.lastModified ge 12", "active eq \"yes\"", "active gt true", "emails[nosuch eq \"x\"]",
      "emails[type eq \"work\"", "emails[type eq \"work\"]].value", "emails.value[eq \"x\"]", "emails[]",
      "name.nosuch eq \"x\"", "urn:nosuch:Schema:attr eq \"x\"", "urn:ietf:params:scim:schemas:core:2.0:User:nosuch pr",
      "userName eq \"\\q\"", "userName eq \"\\u00\"", "userName eq \"\\u0000\"", "userName sw \"\"", "not userName pr",
      "not(", "not()", "()", "", " ", "\"", "\\", "userName pr pr", "userName eq \"a\" xor userName pr",
      "members[value eq \"x\"].display eq \"y\"", "members.value eq 5", "displayName co 1.5e999", "id eq \"not-uuid\"",
      "id eq 123", "meta.version eq 1", "userName eq \"x' OR '1'='1\"", "userName eq \"a\"; --",
      "externalId eq \"%\"", "userName co \"_\"", "userName sw \"\\\\\"", "title eq \"\u202e\u0301\"",
      "groups[value eq \"x\"]", "groups.display sw \"a\"", "emails[type eq \"work\" and value pr]",
      "x eq \"y\" or nosuch.deeper.still pr", "userName eq 1e309", "userName eq -0", "displayName eq \"a\"\"b\"");

  private HostileValues() {
  }

  /** {@code n} random URL-safe characters: incompressible, so no index or compression makes them small. */
  static String incompressible(Random random, int n) {
    StringBuilder text = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  static byte[] invalidUtf8(Random random) {
    return INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size()));
  }

  static String percentInvalidUtf8(Random random) {
    return INVALID_UTF8_PERCENT.get(random.nextInt(INVALID_UTF8_PERCENT.size()));
  }

  /** A C0 control character other than NUL, tab, line feed and carriage return. */
  static char control(Random random) {
    char c;
    do {
      c = (char) (1 + random.nextInt(31));
    } while (c == '\t' || c == '\n' || c == '\r');
    return c;
  }

  /** A value holding a marker that {@link #splice} later replaces with raw bytes. */
  static String placeholder() {
    return PLACEHOLDER;
  }

  /** {@code json} as UTF-8 with every placeholder replaced by {@code raw}, which may be anything. */
  static byte[] splice(String json, byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + raw.length);
    int from = 0;
    for (int at = json.indexOf(PLACEHOLDER); at >= 0; at = json.indexOf(PLACEHOLDER, from)) {
      out.writeBytes(json.substring(from, at).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(raw);
      from = at + PLACEHOLDER.length();
    }
    out.writeBytes(json.substring(from).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Text that is not one JSON object: truncated, commented, trailing garbage, other top-level values. */
  static String malformedJson(Random random, String valid) {
    return switch (random.nextInt(16)) {
      case 0 -> valid.substring(0, 1 + random.nextInt(Math.max(1, valid.length() - 1)));
      case 1 -> valid.substring(0, valid.length() - 1);
      case 2 -> "/* comment */" + valid;
      case 3 -> valid.replaceFirst("\\{", "{ // comment\n");
      case 4 -> valid + "x";
      case 5 -> valid + valid;
      case 6 -> valid.replace('"', '\'');
      case 7 -> valid.replaceFirst("\"(\\w+)\":", "$1:");
      case 8 -> valid.replaceFirst("}$", ",}");
      case 9 -> "[" + valid + "]";
      case 10 -> List.of("[]", "\"text\"", "42", "true", "null", "{", "}", "{}}", "[", "nul", "{\"a\":}", "{,}")
          .get(random.nextInt(12));
      case 11 -> valid.replaceFirst(":", ": NaN, \"x\":");
      case 12 -> valid.replaceFirst("\"", "\"\u0001");
      case 13 -> valid.replaceFirst("\"(\\w+)\":", "\"$1\" ");
      case 14 -> valid.replaceFirst(":", ":: ");
      default -> "{\"a\":" + "[".repeat(2000 + random.nextInt(8000)) + "]".repeat(random.nextInt(3)) + "}";
    };
  }

  /** A filter expression that is malformed, names unknown attributes, compares wrong types, or is just odd. */
  static String filter(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "(".repeat(200 + random.nextInt(3000)) + "userName pr" + ")".repeat(random.nextInt(3000));
      case 1 -> "not (".repeat(100 + random.nextInt(1000)) + "userName pr";
      case 2 -> "userName eq \"" + "\u0000".repeat(1 + random.nextInt(3)) + "\"";
      case 3 -> "userName eq \"" + incompressible(random, 3000 + random.nextInt(5000)) + "\"";
      default -> ODD_FILTERS.get(random.nextInt(ODD_FILTERS.size()));
    };
  }

  /** A long filter, for request bodies: thousands of terms chained with {@code or}. */
  static String hugeFilter(Random random, int terms) {
    StringBuilder filter = new StringBuilder("userName eq \"a\"");
    for (int i = 0; i < terms; i++) {
      filter.append(random.nextBoolean() ? " or " : " and ").append("userName eq \"").append(i).append('"');
    }
    return filter.toString();
  }
}
