package io.scimbus.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ValueLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses request bodies as RFC 8259 JSON and nothing more: strict UTF-8 (no overlong forms, no encoded surrogates),
 * no comments or other extensions, no duplicate member names, no lone surrogate escapes such as {@code "\ud800"},
 * and bounded nesting depth, string, name, number and document lengths. Everything refused is the client's
 * {@code 400 invalidSyntax} (a document over the payload limit is {@code 413}), with a message that names the
 * rule and the position, never the parser's internals. Vert.x's own codec is lenient on all of these.
 */
final class StrictJson {
  /** Longer attribute names than any schema defines, even URN-qualified ones. */
  static final int MAX_NAME_CHARS = 1024;
  /** Longer than any SCIM integer or decimal. */
  static final int MAX_NUMBER_CHARS = 100;
  /**
   * The largest array any endpoint takes (members of one request). A body of hundreds of thousands of small values
   * fits under the payload limit yet would cost the owning service many times its size in heap; it is refused here,
   * before it crosses the bus.
   */
  static final int MAX_ARRAY_VALUES = ValueLimits.MAX_MEMBERS_PER_REQUEST;

  private final JsonFactory factory;
  private final Limits limits;

  /** The bounds a body is parsed under; {@code maxDocumentBytes} is the payload limit. */
  record Limits(int maxDepth, int maxStringChars, long maxDocumentBytes) {
  }

  StrictJson(Limits limits) {
    this.limits = limits;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxStringChars())
            .maxNameLength(MAX_NAME_CHARS)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // A hostile body can carry many distinct names; canonicalising them buys nothing for one parse.
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .build();
  }

  /** The JSON value of {@code body}: a JsonObject, JsonArray, String, Number, Boolean or null. */
  Object parse(Buffer body) {
    if (body.length() > limits.maxDocumentBytes()) {
      throw ScimException.payloadTooLarge("request body exceeds " + limits.maxDocumentBytes() + " bytes");
    }
    CharBuffer text = decode(body);
    try (JsonParser parser = factory.createParser(text.array(), text.arrayOffset() + text.position(),
        text.remaining())) {
      parser.nextToken();
      Object value = value(parser, null);
      if (parser.nextToken() != null) {
        throw syntax("unexpected content after the JSON value", parser.currentLocation());
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw overLimit(e);
    } catch (JsonParseException e) {
      throw syntax(reason(e.getOriginalMessage()), e.getLocation());
    } catch (IOException e) {
      throw ScimException.invalidSyntax("request body is not valid JSON");
    }
  }

  /** Strict UTF-8: the JDK decoder refuses overlong forms, encoded surrogates and stray bytes when told to report. */
  private static CharBuffer decode(Buffer body) {
    ByteBuffer bytes = ByteBuffer.wrap(body.getBytes());
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer text = decoder.decode(bytes);
      // RFC 8259 §8.1 lets a parser ignore a byte order mark; some Windows clients send one.
      if (text.hasRemaining() && text.get(text.position()) == '\uFEFF') {
        text.position(text.position() + 1);
      }
      return text;
    } catch (CharacterCodingException e) {
      throw ScimException.invalidSyntax("request body is not valid UTF-8 (malformed byte sequence at byte "
          + bytes.position() + ")");
    }
  }

  /** {@code name} is the member the value belongs to, null at the top or inside an array. */
  private Object value(JsonParser parser, String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw syntax("request body is empty", parser.currentLocation());
    }
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser, name);
      case VALUE_STRING -> text(parser);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw syntax("unexpected " + token.asString(), parser.currentLocation());
    };
  }

  private JsonObject object(JsonParser parser) throws IOException {
    Map<String, Object> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = text(parser);
      parser.nextToken();
      members.put(name, value(parser, name));
    }
    return new JsonObject(members);
  }

  private JsonArray array(JsonParser parser, String name) throws IOException {
    List<Object> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (values.size() == MAX_ARRAY_VALUES) {
        throw ScimException.invalidValue((name == null ? "an array" : "\"" + name + "\"") + " holds more than "
            + MAX_ARRAY_VALUES + " values, more than any request takes");
      }
      values.add(value(parser, null));
    }
    return new JsonArray(values);
  }

  /** A string or member name; an escape may name half a surrogate pair, which no UTF-8 text can hold. */
  private static String text(JsonParser parser) throws IOException {
    String text = parser.getText();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw syntax("a string holds an unpaired surrogate \\u" + Integer.toHexString(c), parser.currentLocation());
      }
    }
    return text;
  }

  private ScimException overLimit(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    String rule;
    if (message.startsWith("Document nesting depth")) {
      rule = "JSON is nested deeper than " + limits.maxDepth() + " levels";
    } else if (message.startsWith("String value length")) {
      rule = "a JSON string is longer than " + limits.maxStringChars() + " characters";
    } else if (message.startsWith("Name length")) {
      rule = "a JSON member name is longer than " + MAX_NAME_CHARS + " characters";
    } else if (message.startsWith("Number value length")) {
      rule = "a JSON number is longer than " + MAX_NUMBER_CHARS + " characters";
    } else {
      rule = "the request body exceeds a JSON parsing limit";
    }
    return syntax(rule, e.getLocation());
  }

  /** Jackson's reason without its hints, which name parser features rather than the client's mistake. */
  private static String reason(String message) {
    String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
    int hint = firstLine.indexOf(": ");
    String reason = hint > 0 ? firstLine.substring(0, hint) : firstLine;
    return reason.isBlank() ? "request body is not valid JSON" : reason;
  }

  private static ScimException syntax(String reason, JsonLocation location) {
    String where = location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return ScimException.invalidSyntax("request body is not valid JSON: " + reason + where);
  }
}
