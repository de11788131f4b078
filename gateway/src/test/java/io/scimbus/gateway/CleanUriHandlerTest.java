package io.scimbus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CleanUriHandlerTest {
  @Test
  void cleanTextPasses() {
    for (String raw : new String[] {"filter=userName%20eq%20%22bjensen%40example.com%22", "/scim/v2/t-1/Users/abc",
        "filter=displayName+eq+%22J%C3%BCrgen%22", "caf\u00C3\u00A9", "count=10&startIndex=1", ""}) {
      assertNull(CleanUriHandler.problem(raw), raw);
    }
  }

  @Test
  void controlCharactersAreRefusedEncodedOrNot() {
    assertEquals("holds the control character U+0000", CleanUriHandler.problem("userId=%00"));
    assertEquals("holds the control character U+000A", CleanUriHandler.problem("filter=a%0Ab"));
    assertEquals("holds the control character U+001F", CleanUriHandler.problem("x=%1f"));
    assertEquals("holds the control character U+007F", CleanUriHandler.problem("x=%7F"));
    assertEquals("holds the control character U+0009", CleanUriHandler.problem("/Users/a\tb"));
  }

  @Test
  void malformedPercentEncodingIsRefused() {
    for (String raw : new String[] {"x=%", "x=%4", "x=%zz", "x=%G0", "/Users/%"}) {
      assertEquals("has a malformed percent-encoding", CleanUriHandler.problem(raw), raw);
    }
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    // Raw bytes arrive from Netty as ISO-8859-1 characters; encoded ones as %XX.
    for (String raw : new String[] {"x=%C0%AF", "x=%E0%80%AF", "x=%ED%A0%80", "x=%FF", "x=%C3", "x=\u00C0\u00AF"}) {
      assertEquals("is not valid UTF-8", CleanUriHandler.problem(raw), raw);
    }
  }
}
