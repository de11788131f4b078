package io.scimbus.e2e;

import io.scimbus.devstack.Eventually;
import io.scimbus.testsupport.ScimClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady load of writes on one tenant, as an IdP keeps a directory in sync: each writer creates a user (or a group),
 * renames it a few times, then goes on with a new one, starting one write per interval, and reads its latest
 * resource back in between, so that requests are in flight whenever a member leaves while the writes stay few
 * enough to check every event. Each request goes through the next gateway of a {@link GatewayRotation}. Every
 * answer is sorted as a client sees it: a success (a write's resource and version are remembered), a 503 with
 * {@code Retry-After} (come back later), or a failure: any other status, a 503 without {@code Retry-After}, a
 * connection error.
 */
final class SteadyLoad implements AutoCloseable {
  private static final int RENAMES_PER_RESOURCE = 4;
  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  // a create answers 201, a user's PATCH 200 with the user, a group's 204: each with the new version as ETag
  private static final Set<Integer> SUCCESS = Set.of(200, 201, 204);

  /** What a writer writes: the endpoint and the body that creates one. */
  enum Kind {
    USERS("/Users"), GROUPS("/Groups");

    private final String endpoint;

    Kind(String endpoint) {
      this.endpoint = endpoint;
    }

    String endpoint() {
      return endpoint;
    }

    private JsonObject created(String name) {
      return this == USERS
          ? new JsonObject().put("schemas", new JsonArray().add(USER_SCHEMA)).put("userName", name + "@example.com")
          : GroupRequests.group(name);
    }
  }

  private final GatewayRotation gateways;
  private final String tenantPath;
  private final String token;
  private final long writeIntervalNanos;
  private final long readIntervalNanos;
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger unavailable = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  private SteadyLoad(GatewayRotation gateways, String tenantPath, String token, Duration writeInterval,
      Duration readInterval) {
    this.gateways = gateways;
    this.tenantPath = tenantPath;
    this.token = token;
    this.writeIntervalNanos = writeInterval.toNanos();
    this.readIntervalNanos = readInterval.toNanos();
  }

  /**
   * Starts {@code userWriters} and {@code groupWriters}, each writing every {@code writeInterval} and reading its
   * latest resource every {@code readInterval} in between; {@code tenantPath} is the tenant's SCIM base path
   * ({@code /scim/v2/t-...}) on every gateway.
   */
  static SteadyLoad start(GatewayRotation gateways, String tenantPath, String token, int userWriters,
      int groupWriters, Duration writeInterval, Duration readInterval) {
    SteadyLoad load = new SteadyLoad(gateways, tenantPath, token, writeInterval, readInterval);
    for (int i = 0; i < userWriters + groupWriters; i++) {
      Kind kind = i < userWriters ? Kind.USERS : Kind.GROUPS;
      Thread writer = new Thread(() -> load.write(kind), "steady-" + kind.name().toLowerCase() + "-" + i);
      writer.setDaemon(true);
      load.writers.add(writer);
      writer.start();
    }
    return load;
  }

  private void write(Kind kind) {
    long nextWrite = System.nanoTime();
    long nextRead = nextWrite;
    String current = null;
    String latest = null;
    String name = null;
    int renames = 0;
    while (running) {
      // reads fill the time between writes and never delay one
      LockSupport.parkNanos(Math.min(nextWrite, latest == null ? nextWrite : nextRead) - System.nanoTime());
      long now = System.nanoTime();
      boolean writeTick = now - nextWrite >= 0 || latest == null;
      if (writeTick) {
        nextWrite = Math.max(nextWrite, now) + writeIntervalNanos;
      } else {
        nextRead = Math.max(nextRead, now) + readIntervalNanos;
      }
      String gateway = gateways.next();
      ScimClient scim = new ScimClient(gateway + tenantPath, token, null);
      String method = !writeTick ? "GET" : current == null ? "POST" : "PATCH";
      String path = kind.endpoint() + (!writeTick ? "/" + latest : current == null ? "" : "/" + current);
      String request = method + " " + path;
      try {
        ScimClient.Response response;
        if (!writeTick) {
          response = scim.get(path);
        } else if (current == null) {
          name = "steady-" + sequence.incrementAndGet();
          response = scim.post(path, kind.created(name));
        } else {
          response = scim.patch(path, GroupRequests.patch(
              GroupRequests.op("replace", "displayName", name + " rename " + renames)));
        }
        if (SUCCESS.contains(response.status()) && !writeTick) {
          reads.incrementAndGet();
        } else if (SUCCESS.contains(response.status())) {
          String id = current == null ? response.json().getString("id") : current;
          acknowledged.merge(id, version(response.header("ETag")), Math::max);
          succeeded.incrementAndGet();
          latest = id;
          current = renames < RENAMES_PER_RESOURCE ? id : null;
          renames = current == null ? 0 : renames + 1;
        } else if (response.status() == 503 && response.header("Retry-After") != null) {
          // a real client would wait Retry-After; this one keeps the load steady and tries again next interval
          unavailable.incrementAndGet();
        } else {
          failures.add(request + " via " + gateway + ": " + response);
        }
      } catch (RuntimeException e) {
        failures.add(request + " via " + gateway + ": " + e);
      }
    }
  }

  /** The version a weak ETag such as {@code W/"3"} stands for. */
  static long version(String etag) {
    return Long.parseLong(etag.substring(etag.indexOf('"') + 1, etag.lastIndexOf('"')));
  }

  /** Blocks until {@code count} writes in all succeeded. */
  void awaitSucceeded(int count, Duration patience) {
    Eventually.await(patience, succeeded::get, n -> n >= count);
  }

  int succeeded() {
    return succeeded.get();
  }

  /** How many reads succeeded. */
  int reads() {
    return reads.get();
  }

  /** How many requests were answered 503 with {@code Retry-After}. */
  int unavailable() {
    return unavailable.get();
  }

  /** Every answer that was neither a success nor a 503 with {@code Retry-After}, and every connection error. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** The id of every resource a write succeeded on, with the highest version a success answered. */
  Map<String, Long> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  /** Stops the writers and waits for their last writes to be answered. */
  @Override
  public void close() {
    running = false;
    for (Thread writer : writers) {
      try {
        writer.join(TimeUnit.SECONDS.toMillis(60));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
