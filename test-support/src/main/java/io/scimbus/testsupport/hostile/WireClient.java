package io.scimbus.testsupport.hostile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, for requests {@link java.net.http.HttpClient} would refuse or
 * sanitise: any method token, a request target of raw bytes, any header value. Keeps its connection alive between
 * requests and reconnects when the server closed it. Not thread-safe: one per sending thread.
 */
public final class WireClient implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int BUFFER_BYTES = 64 * 1024;

  private final String host;
  private final int port;
  private final int readTimeoutMs;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  public WireClient(String host, int port, int readTimeoutMs) {
    this.host = host;
    this.port = port;
    this.readTimeoutMs = readTimeoutMs;
  }

  /** Sends {@code request} and reads the whole answer; an {@link IOException} means no complete answer came. */
  public WireResponse send(WireRequest request) throws IOException {
    boolean reused = socket != null;
    try {
      return attempt(request);
    } catch (NothingRead e) {
      // a kept-alive connection the server had closed (after a 414, say) is no answer to this request: resend once
      if (!reused) {
        throw e;
      }
      close();
      return attempt(request);
    }
  }

  private WireResponse attempt(WireRequest request) throws IOException {
    long start = System.nanoTime();
    connectIfNeeded();
    try {
      writeRequest(request);
    } catch (IOException e) {
      // a server may answer early (413, 431) and close before reading the whole body: its answer is still there
      if (socket.isClosed()) {
        throw e;
      }
    }
    try {
      WireResponse response = readResponse(request.method().equals("HEAD"), start);
      if ("close".equalsIgnoreCase(response.header("connection"))) {
        close();
      }
      return response;
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connectIfNeeded() throws IOException {
    if (socket != null && !socket.isClosed()) {
      return;
    }
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    socket.setSoTimeout(readTimeoutMs);
    in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
    out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
  }

  private void writeRequest(WireRequest request) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(request.method().getBytes(StandardCharsets.ISO_8859_1));
    head.write(' ');
    head.writeBytes(request.target());
    head.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
    line(head, "Host", host + ":" + port);
    for (int i = 0; i < request.headers().size(); i += 2) {
      line(head, request.headers().get(i), request.headers().get(i + 1));
    }
    if (request.body() != null) {
      line(head, "Content-Length", Integer.toString(request.body().length));
    }
    head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.write(head.toByteArray());
    if (request.body() != null) {
      out.write(request.body());
    }
    out.flush();
  }

  private static void line(ByteArrayOutputStream head, String name, String value) {
    head.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private WireResponse readResponse(boolean head, long start) throws IOException {
    try {
      in.mark(1);
      if (in.read() < 0) {
        throw new NothingRead("connection closed by the server before it answered");
      }
      in.reset();
    } catch (SocketException e) {
      throw new NothingRead(e.toString());
    }
    String statusLine = readLine();
    while (statusLine.isEmpty()) {
      statusLine = readLine();
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new HashMap<>();
    int headerBytes = 0;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new IOException("response headers exceed " + MAX_HEADER_BYTES + " bytes");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    if (status == 100) {
      return readResponse(head, start);
    }
    byte[] body;
    if (head || status == 204 || status == 304 || status / 100 == 1) {
      body = new byte[0];
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = readChunked();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
      close();
    }
    return new WireResponse(status, headers, body, (System.nanoTime() - start) / 1000);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        skipTrailers();
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine();
    }
  }

  private void skipTrailers() throws IOException {
    String trailer = readLine();
    while (!trailer.isEmpty()) {
      trailer = readLine();
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      if (line.size() > MAX_HEADER_BYTES) {
        throw new IOException("response line exceeds " + MAX_HEADER_BYTES + " bytes");
      }
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a broken connection has nothing left to report
      }
      socket = null;
    }
  }

  /** The connection ended before the first byte of an answer. */
  private static final class NothingRead extends IOException {
    NothingRead(String message) {
      super(message);
    }
  }
}
