package io.scimbus.e2e;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Bytes no HTTP client library sends (malformed request lines, bad percent-encoding), written to a plain socket. */
final class RawSocket {
  private static final int TIMEOUT_MS = 30_000;

  private RawSocket() {
  }

  /** The answer to {@code request}, which should ask for {@code Connection: close} so the answer ends. */
  static Reply send(String gatewayUrl, String request) {
    URI uri = URI.create(gatewayUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Reply.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of {@code target} (path and query exactly as given) with a bearer token. */
  static Reply get(String gatewayUrl, String target, String token) {
    return send(gatewayUrl, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nConnection: close\r\n\r\n");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }

  /** Status, Content-Type and body of a response without chunked encoding. */
  record Reply(int status, String contentType, String body) {
    static Reply parse(byte[] response) {
      String text = new String(response, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String contentType = null;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring(line.indexOf(':') + 1).trim();
        }
      }
      return new Reply(Integer.parseInt(head.split(" ")[1]), contentType, end < 0 ? "" : text.substring(end + 4));
    }

    JsonObject json() {
      return new JsonObject(body);
    }
  }
}
