package io.scimbus.launcher;

import io.scimbus.notifier.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./scimbus webhooks listen}: a webhook receiver for a developer's machine. It prints every delivery with
 * whether it verified (a {@code v1} signature by one of the given secrets, a timestamp within five minutes) and
 * answers 204 when it did and 401 when not, so the endpoint's delivery log shows the same.
 */
public final class WebhookListener {
  static final String USAGE = "usage: ./scimbus webhooks listen [--port N] [--host H] --secret whsec_..."
      + " [--secret whsec_...]";

  /** Command-line options of {@code webhooks listen}; a second {@code --secret} covers a rotation. */
  record Options(String host, int port, List<String> secrets) {
    static Options parse(String[] args) {
      String host = "127.0.0.1";
      int port = 9000;
      List<String> secrets = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + args[i] + "; " + USAGE);
        }
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--host" -> host = args[++i];
          case "--secret" -> secrets.add(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
        }
      }
      if (secrets.isEmpty()) {
        throw new IllegalArgumentException("--secret is required (the whsec_... the create answer showed); " + USAGE);
      }
      return new Options(host, port, List.copyOf(secrets));
    }
  }

  private WebhookListener() {
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    start(Vertx.vertx(), options, System.out)
        .onSuccess(server -> System.out.println("listening on http://" + options.host() + ":" + server.actualPort()
            + "/ (register this URL as a webhook endpoint; Ctrl-C stops)"))
        .onFailure(failure -> {
          System.err.println("cannot listen on " + options.host() + ":" + options.port() + ": " + failure);
          System.exit(1);
        });
  }

  static Future<HttpServer> start(Vertx vertx, Options options, PrintStream out) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
        .requestHandler(request -> request.body().onSuccess(body -> receive(request, body, options.secrets(), out)))
        .listen();
  }

  private static void receive(HttpServerRequest request, Buffer body, List<String> secrets, PrintStream out) {
    String id = request.getHeader("webhook-id");
    String timestamp = request.getHeader("webhook-timestamp");
    String signature = request.getHeader("webhook-signature");
    String text = body.toString();
    String refusal = refusal(secrets, id, timestamp, signature, text);
    String at = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    synchronized (out) {
      out.println(at + "  " + (refusal == null ? "verified" : "REFUSED (" + refusal + ")") + "  " + summary(text)
          + "  webhook-id " + id);
      out.println("  " + text);
      out.flush();
    }
    request.response().setStatusCode(refusal == null ? 204 : 401).end();
  }

  /** Why the request is not genuine, or null when it is. */
  private static String refusal(List<String> secrets, String id, String timestamp, String signature, String body) {
    if (id == null || timestamp == null || signature == null) {
      return "webhook-id, webhook-timestamp or webhook-signature missing";
    }
    Instant now = Instant.now();
    if (secrets.stream().anyMatch(secret -> WebhookSignature.verify(secret, id, timestamp, signature, body, now))) {
      return null;
    }
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
    } catch (NumberFormatException e) {
      return "webhook-timestamp is not Unix seconds";
    }
    boolean signed = secrets.stream().anyMatch(secret -> WebhookSignature.verify(secret, id, timestamp, signature,
        body, sent));
    return signed ? "timestamp more than " + WebhookSignature.TOLERANCE.toMinutes() + " min from this clock"
        : "no signature matches the secret";
  }

  private static String summary(String body) {
    try {
      JsonObject event = new JsonObject(body);
      String resource = event.containsKey("resourceId")
          ? "  " + event.getString("resourceType") + " " + event.getString("resourceId") + " v"
              + event.getValue("version") : "";
      return event.getString("type") + resource;
    } catch (DecodeException | ClassCastException e) {
      return "(not a JSON object)";
    }
  }
}
