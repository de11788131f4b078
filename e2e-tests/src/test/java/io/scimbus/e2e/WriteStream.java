package io.scimbus.e2e;

import io.scimbus.devstack.Eventually;
import io.scimbus.testsupport.ScimClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Writers that keep creating users, each with a userName of its own, and remember what the gateway answered: the
 * id of every 201 (an acknowledged write), and every other answer. A writer that was refused waits a moment before
 * its next write, so that an outage does not turn into a busy loop on a small machine; a paced stream's writers also
 * start at most one write per interval each, so that a long phase does not pile up more users than a test can check.
 */
final class WriteStream implements AutoCloseable {
  private static final long PAUSE_AFTER_REFUSAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ScimClient scim;
  private final long intervalNanos;
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  private WriteStream(ScimClient scim, long intervalNanos) {
    this.scim = scim;
    this.intervalNanos = intervalNanos;
  }

  static WriteStream start(ScimClient scim, int writers) {
    return start(scim, writers, Duration.ZERO);
  }

  /** Writers that each start a write at most every {@code interval}. */
  static WriteStream start(ScimClient scim, int writers, Duration interval) {
    WriteStream stream = new WriteStream(scim, interval.toNanos());
    for (int i = 0; i < writers; i++) {
      Thread writer = new Thread(stream::write, "writer-" + i);
      writer.setDaemon(true);
      stream.writers.add(writer);
      writer.start();
    }
    return stream;
  }

  private void write() {
    long next = System.nanoTime();
    while (running) {
      LockSupport.parkNanos(next - System.nanoTime());
      next = Math.max(next, System.nanoTime()) + intervalNanos;
      String userName = "stream-" + sequence.incrementAndGet() + "@example.com";
      try {
        ScimClient.Response response = scim.post("/Users", new JsonObject().put("userName", userName));
        if (response.status() == 201) {
          acknowledged.put(userName, response.json().getString("id"));
          continue;
        }
        refused.add(userName + ": " + response.status() + " " + response.raw().body());
      } catch (RuntimeException e) {
        refused.add(userName + ": " + e);
      }
      LockSupport.parkNanos(PAUSE_AFTER_REFUSAL_NANOS);
    }
  }

  /** Blocks until {@code count} writes in all were acknowledged. */
  void awaitAcknowledged(int count, Duration patience) {
    Eventually.await(patience, acknowledged::size, size -> size >= count);
  }

  /** userName to id of every write answered 201. */
  Map<String, String> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  /** Every answer other than 201, as {@code userName: status body}. */
  List<String> refused() {
    return List.copyOf(refused);
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
