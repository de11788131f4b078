package io.scimbus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.error.ScimException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  private final StrictJson json = new StrictJson(new StrictJson.Limits(4, 40, 2000));

  @Test
  void standardJsonParsesToVertxValues() {
    JsonObject parsed = (JsonObject) parse("{\"a\":[1,2.5,true,null,\"x\"],\"b\":{\"c\":12345678901}}");
    JsonArray a = parsed.getJsonArray("a");
    assertEquals(1, a.getValue(0));
    assertEquals(2.5, a.getValue(1));
    assertEquals(true, a.getValue(2));
    assertNull(a.getValue(3));
    assertEquals("x", a.getValue(4));
    assertEquals(12345678901L, parsed.getJsonObject("b").getValue("c"));
    assertEquals(new BigInteger("123456789012345678901234567890"), parse("123456789012345678901234567890"));
    assertEquals("\uD83D\uDE00", parse("\"\\ud83d\\ude00\""), "an escaped surrogate pair is one character");
    assertEquals("\uD83D\uDE00", parse("\"\uD83D\uDE00\""), "four UTF-8 bytes");
    assertEquals(new JsonObject(), parse("\uFEFF{}"), "a byte order mark is ignored");
  }

  @Test
  void extensionsOfJsonAreRefused() {
    for (String body : new String[] {"{/* c */\"a\":1}", "{\"a\":1} // c", "# c\n{}", "{'a':1}", "{a:1}",
        "{\"a\":01}", "{\"a\":NaN}", "[1,]", "{\"a\":1,}", "{\"a\":\"tab\there\"}", "{} {}", "{\"a\":1,\"a\":2}",
        "", "   "}) {
      assertRefused(body, "invalidSyntax");
    }
  }

  @Test
  void malformedUtf8IsRefusedNotRewritten() {
    byte[][] sequences = {
        {(byte) 0xC0, (byte) 0xAF},               // overlong '/'
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},  // overlong '/' in three bytes
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},  // the surrogate U+D800 encoded
        {(byte) 0xFF},
        {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82},               // truncated
    };
    for (byte[] sequence : sequences) {
      byte[] body = new byte[sequence.length + 2];
      body[0] = '"';
      System.arraycopy(sequence, 0, body, 1, sequence.length);
      body[body.length - 1] = '"';
      ScimException refused = assertThrows(ScimException.class, () -> json.parse(Buffer.buffer(body)));
      assertEquals("invalidSyntax", refused.scimType());
      assertTrue(refused.detail().contains("UTF-8"), refused.detail());
    }
  }

  @Test
  void loneSurrogateEscapesAreRefused() {
    for (String body : new String[] {"\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "{\"\\ud800\":1}"}) {
      assertTrue(assertRefused(body, "invalidSyntax").detail().contains("unpaired surrogate"), body);
    }
  }

  @Test
  void limitsAreInvalidSyntaxNamingTheLimit() {
    assertEquals(4, depth((JsonArray) parse("[[[[1]]]]")));
    assertTrue(assertRefused("[[[[[1]]]]]", "invalidSyntax").detail().contains("deeper than 4 levels"));
    assertTrue(assertRefused("{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", "invalidSyntax").detail()
        .contains("deeper than 4 levels"));
    assertEquals("x".repeat(40), parse("\"" + "x".repeat(40) + "\""));
    assertTrue(assertRefused("\"" + "x".repeat(41) + "\"", "invalidSyntax").detail()
        .contains("longer than 40 characters"));
    assertTrue(assertRefused("1" + "0".repeat(StrictJson.MAX_NUMBER_CHARS), "invalidSyntax").detail()
        .contains("number is longer"));
    assertTrue(assertRefused("{\"" + "n".repeat(StrictJson.MAX_NAME_CHARS + 1) + "\":1}", "invalidSyntax").detail()
        .contains("member name is longer"));
  }

  @Test
  void aListLongerThanAnyAttributeTakesIsInvalidValue() {
    StrictJson roomy = new StrictJson(new StrictJson.Limits(4, 40, 1_000_000));
    int max = StrictJson.MAX_ARRAY_VALUES;
    String longest = "{\"members\":[" + "{},".repeat(max - 1) + "{}]}";
    assertEquals(max, ((JsonObject) roomy.parse(Buffer.buffer(longest))).getJsonArray("members").size());
    ScimException refused = assertThrows(ScimException.class,
        () -> roomy.parse(Buffer.buffer("{\"emails\":[" + "{},".repeat(max) + "{}]}")));
    assertEquals(400, refused.status());
    assertEquals("invalidValue", refused.scimType());
    assertTrue(refused.detail().startsWith("emails has more than " + max + " values"), refused.detail());
  }

  @Test
  void aDocumentOverThePayloadLimitIsPayloadTooLarge() {
    ScimException refused = assertThrows(ScimException.class, () -> parse("[" + "1,".repeat(1000) + "1]"));
    assertEquals(413, refused.status());
  }

  @Test
  void messagesNameThePositionButNoParserInternals() {
    ScimException refused = assertRefused("{\n  \"a\": /* no */ 1}", "invalidSyntax");
    assertTrue(refused.detail().contains("line 2, column"), refused.detail());
    for (String body : new String[] {"{/* c */}", "[[[[[1]]]]]", "\"" + "x".repeat(41) + "\"", "{\"a\":1,\"a\":1}",
        "[1,", "tru"}) {
      String detail = assertRefused(body, "invalidSyntax").detail().toLowerCase(Locale.ROOT);
      for (String internal : new String[] {"feature", "jackson", "streamreadconstraints", "source", "redacted",
          "java."}) {
        assertFalse(detail.contains(internal), body + " -> " + detail);
      }
    }
  }

  private Object parse(String body) {
    return json.parse(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  private ScimException assertRefused(String body, String scimType) {
    ScimException refused = assertThrows(ScimException.class, () -> parse(body), body);
    assertEquals(400, refused.status(), body);
    assertEquals(scimType, refused.scimType(), body);
    return refused;
  }

  private static int depth(JsonArray array) {
    Object first = array.getValue(0);
    return 1 + (first instanceof JsonArray inner ? depth(inner) : 0);
  }
}
