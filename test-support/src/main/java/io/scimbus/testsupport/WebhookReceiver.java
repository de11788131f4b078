package io.scimbus.testsupport;

import io.scimbus.notifier.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback, as a team would run one: it records every request it gets (failed ones too, in
 * arrival order) and answers as its {@link Behaviour} says, without blocking, so a slow answer holds only its own
 * request. Waiting for deliveries is {@link #await}, woken by each arrival.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Vertx VERTX = Vertx.vertx();
  private static final String PATH = "/hooks/scimbus";

  /** One request as received. {@code answered} is the status the receiver chose for it. */
  public record Delivery(String id, String timestamp, String signature, String requestId, String body,
      Instant receivedAt, int answered) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    /** Whether {@code secret} signed it, checked as a receiver does, against the arrival time. */
    public boolean verifiedBy(String secret) {
      return WebhookSignature.verify(secret, id, timestamp, signature, body, receivedAt);
    }

    public int signatureCount() {
      return signature == null ? 0 : signature.trim().split(" +").length;
    }

    public boolean succeeded() {
      return answered >= 200 && answered < 300;
    }
  }

  /** How the receiver answers a request. */
  public record Reply(int status, Duration delay, Map<String, String> headers) {
    public static Reply ok() {
      return status(200);
    }

    public static Reply status(int status) {
      return new Reply(status, Duration.ZERO, Map.of());
    }

    public Reply after(Duration wait) {
      return new Reply(status, wait, headers);
    }

    public Reply with(String header, String value) {
      return new Reply(status, delay, Map.of(header, value));
    }
  }

  /** The reply to the {@code n}th request (1-based) this receiver has had. */
  @FunctionalInterface
  public interface Behaviour {
    Reply reply(int n);
  }

  private final List<Delivery> deliveries = new ArrayList<>();
  private final HttpServer server;
  private volatile Behaviour behaviour;

  private WebhookReceiver(Behaviour behaviour) {
    this.behaviour = behaviour;
    this.server = VERTX.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(this::receive);
    await(server.listen());
  }

  /** A receiver that answers 200 at once. */
  public static WebhookReceiver start() {
    return start(n -> Reply.ok());
  }

  public static WebhookReceiver start(Behaviour behaviour) {
    return new WebhookReceiver(behaviour);
  }

  /** The URL to register as a webhook endpoint. */
  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + PATH;
  }

  /** Changes how later requests are answered, for example when a failing receiver is fixed. */
  public void behave(Behaviour next) {
    this.behaviour = next;
  }

  /** Every request so far, in arrival order. */
  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The requests so far once {@code done} holds for them; fails after {@code patience} with what arrived. */
  public synchronized List<Delivery> await(Duration patience, Predicate<List<Delivery>> done) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!done.test(List.copyOf(deliveries))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("receiver: not within " + patience.toMillis() + " ms; got " + deliveries.size()
            + " requests: " + deliveries.stream().map(d -> d.json().getString("type") + " " + d.id()
                + " -> " + d.answered()).toList());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(deliveries);
  }

  /** Waits until {@code n} requests have been answered with a 2xx. */
  public List<Delivery> awaitSucceeded(Duration patience, int n) {
    return await(patience, all -> all.stream().filter(Delivery::succeeded).count() >= n).stream()
        .filter(Delivery::succeeded).toList();
  }

  private void receive(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Instant at = Instant.now();
      Reply reply;
      synchronized (this) {
        reply = behaviour.reply(deliveries.size() + 1);
        deliveries.add(new Delivery(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
            request.getHeader("webhook-signature"), request.getHeader("X-Request-Id"), body.toString(), at,
            reply.status()));
        notifyAll();
      }
      Runnable answer = () -> {
        if (request.response().closed()) {
          return;
        }
        reply.headers().forEach(request.response()::putHeader);
        request.response().setStatusCode(reply.status()).end();
      };
      if (reply.delay().isZero()) {
        answer.run();
      } else {
        VERTX.setTimer(reply.delay().toMillis(), id -> answer.run());
      }
    });
  }

  @Override
  public void close() {
    await(server.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("webhook receiver did not start or stop", e);
    }
  }
}
