package io.scimbus.notifier;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * POSTs one webhook and reports how it went. The whole attempt, connection included, gets {@code timeout}; a
 * redirect is reported, never followed; only the first {@value #RESPONSE_BYTES} bytes of the answer are kept.
 */
final class WebhookSender {
  static final int RESPONSE_BYTES = 1024;
  private static final String CONTENT_TYPE = "application/json";

  private final Vertx vertx;
  private final TargetPolicy policy;
  private final Duration timeout;
  private final HttpClientAgent client;

  WebhookSender(Vertx vertx, TargetPolicy policy, Duration timeout, int connectionsPerEndpoint) {
    this.vertx = vertx;
    this.policy = policy;
    this.timeout = timeout;
    // SNI and certificate checks use the URL's host, though the connection goes to the address checked
    this.client = vertx.createHttpClient(new HttpClientOptions().setForceSni(true).setVerifyHost(true)
        .setKeepAlive(true).setConnectTimeout((int) timeout.toMillis()),
        // one connection per attempt an endpoint may have in flight, or attempts would queue for a connection
        new PoolOptions().setHttp1MaxSize(connectionsPerEndpoint));
  }

  Future<AttemptResult> send(URI target, Map<String, String> headers, String body) {
    long started = System.nanoTime();
    Promise<AttemptResult> result = Promise.promise();
    HttpClientRequest[] request = new HttpClientRequest[1];
    long timer = vertx.setTimer(timeout.toMillis(), id -> {
      if (result.tryComplete(failed(started, "timeout")) && request[0] != null) {
        request[0].reset(0, new TimeoutException("webhook attempt took longer than " + timeout));
      }
    });
    boolean https = "https".equalsIgnoreCase(target.getScheme());
    int port = target.getPort() != -1 ? target.getPort() : https ? 443 : 80;
    policy.resolve(vertx, target)
        .compose(address -> {
          RequestOptions options = new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setHost(target.getHost())
              .setPort(port)
              .setSsl(https)
              .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
              .setURI(pathAndQuery(target))
              .setFollowRedirects(false)
              .putHeader("content-type", CONTENT_TYPE)
              .putHeader("user-agent", "scimbus-webhooks");
          headers.forEach(options::putHeader);
          return client.request(options);
        })
        .compose(sending -> {
          request[0] = sending;
          return sending.send(body);
        })
        .compose(response -> read(started, response))
        .onComplete(done -> {
          vertx.cancelTimer(timer);
          result.tryComplete(done.succeeded() ? done.result() : failed(started, errorClass(done.cause())));
        });
    return result.future();
  }

  Future<Void> close() {
    return client.close();
  }

  private static Future<AttemptResult> read(long started, HttpClientResponse response) {
    Buffer first = Buffer.buffer();
    response.handler(chunk -> {
      int room = RESPONSE_BYTES - first.length();
      if (room > 0) {
        first.appendBuffer(chunk.length() <= room ? chunk : chunk.slice(0, room));
      }
    });
    return response.end().map(v -> {
      int status = response.statusCode();
      String error = status >= 300 && status < 400 ? "redirect" : null;
      Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.getHeader("retry-after")) : null;
      // PostgreSQL text cannot hold NUL
      String text = new String(first.getBytes(), StandardCharsets.UTF_8).replace("\u0000", "");
      return new AttemptResult(status, error, elapsedMs(started), text, retryAfter);
    });
  }

  private static AttemptResult failed(long started, String errorClass) {
    return new AttemptResult(null, errorClass, elapsedMs(started), null, null);
  }

  static String errorClass(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TargetPolicy.Refused refused) {
        return refused.errorClass();
      }
      if (t instanceof ConnectTimeoutException || t instanceof TimeoutException) {
        return "timeout";
      }
      if (t instanceof ConnectException) {
        return "connection-refused";
      }
      if (t instanceof SSLException) {
        return "tls";
      }
    }
    return "connection";
  }

  /** Seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String pathAndQuery(URI target) {
    String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
  }

  private static long elapsedMs(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
