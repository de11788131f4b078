package io.scimbus.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A child process for the supervision test: answers every GET on the given loopback port with its pid. */
public final class HttpChild {
  private HttpChild() {
  }

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        Integer.parseInt(args[0])), 0);
    server.createContext("/", exchange -> {
      byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, pid.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(pid);
      }
    });
    server.start();
  }
}
