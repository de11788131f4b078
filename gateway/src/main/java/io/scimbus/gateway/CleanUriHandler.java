package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before any route sees it, a request whose path or query parameters are not clean text: malformed
 * percent-encoding, bytes that are not UTF-8, or control characters (C0 and DEL), none of which any SCIM id,
 * filter or admin parameter holds and which the database refuses. A bad {@code filter} is {@code invalidFilter},
 * anything else {@code invalidValue}. Vert.x would otherwise decode such text leniently (replacement characters) or
 * fail late.
 */
final class CleanUriHandler implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext rc) {
    String problem = problem(rc.request().path());
    if (problem != null) {
      rc.fail(ScimException.invalidValue("the request path " + problem));
      return;
    }
    String query = rc.request().query();
    if (query != null) {
      for (String parameter : query.split("&")) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        problem = problem(parameter);
        if (problem != null) {
          String detail = "query parameter " + printable(name) + " " + problem;
          rc.fail("filter".equals(name) ? ScimException.invalidFilter(detail) : ScimException.invalidValue(detail));
          return;
        }
      }
    }
    rc.next();
  }

  /** Why {@code raw} (still percent-encoded) is not clean text, or null when it is. */
  static String problem(String raw) {
    if (raw == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          return "has a malformed percent-encoding";
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c > 0xFF) {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      } else {
        bytes.write(c);
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return "is not valid UTF-8";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return "holds the control character U+" + String.format("%04X", (int) c);
      }
    }
    return null;
  }

  /** A parameter name safe to echo: only when it is plain ASCII. */
  private static String printable(String name) {
    return name.matches("[A-Za-z0-9._-]{1,64}") ? name : "(unnamed)";
  }
}
