package io.scimbus.testsupport.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** An HTTP answer as read from the socket; header names are lower-cased. */
public record WireResponse(int status, Map<String, String> headers, byte[] body, long micros) {
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
