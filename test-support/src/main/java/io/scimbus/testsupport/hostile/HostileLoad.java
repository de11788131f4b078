package io.scimbus.testsupport.hostile;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends generated hostile requests from {@code concurrency} threads, each with its own kept-alive connection, until
 * {@code requests} were sent or {@code maxTime} passed, whichever comes first.
 */
public final class HostileLoad {
  private HostileLoad() {
  }

  /** Told about every request, from the sending threads. */
  public interface Listener {
    void answered(WireRequest request, WireResponse response);

    /** {@code request} is null when the generator itself failed. */
    void unanswered(WireRequest request, IOException failure);
  }

  /** How many requests were sent, and whether time ran out before all of them were. */
  public record Outcome(long sent, boolean outOfTime, double seconds) {
  }

  public static Outcome run(HostileRequests generator, String host, int port, long requests, int concurrency,
      Duration maxTime, Duration readTimeout, Listener listener) {
    AtomicLong next = new AtomicLong();
    long deadline = System.nanoTime() + maxTime.toNanos();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread thread = new Thread(() -> {
        try (WireClient client = new WireClient(host, port, (int) readTimeout.toMillis())) {
          for (long index = next.getAndIncrement(); index < requests && System.nanoTime() < deadline;
              index = next.getAndIncrement()) {
            WireRequest request = null;
            try {
              request = generator.request(index);
              listener.answered(request, client.send(request));
            } catch (IOException e) {
              listener.unanswered(request, e);
            } catch (RuntimeException e) {
              // a bug of the generator or the listener is reported like a missing answer, never lost with the thread
              listener.unanswered(request, new IOException("harness failed at index " + index + ": " + e, e));
            }
          }
        }
      }, "hostile-sender-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending hostile requests", e);
      }
    }
    long sent = Math.min(next.get() - concurrency, requests);
    return new Outcome(Math.max(sent, 0), sent < requests, (System.nanoTime() - start) / 1e9);
  }
}
