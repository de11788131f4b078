package io.scimbus.bench;

import io.scimbus.testsupport.hostile.HostileLoad;
import io.scimbus.testsupport.hostile.HostileRequests;
import io.scimbus.testsupport.hostile.WireRequest;
import io.scimbus.testsupport.hostile.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tenant A's hostile requests at full speed, each sender on its own kept-alive connection (none shared with the load
 * generator's), on a thread of their own for a fixed time; answers are counted by status class, and the requests that
 * got a 5xx by what they tried.
 */
final class HostileTraffic {
  // big requests (megabytes) may take seconds on a busy machine; no answer within this is counted as none
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  // the generator sends its few big bodies (up to 10 MB) among the small ones; the report says how many went out
  private static final int BIG_BYTES = 1_000_000;

  private final Map<String, LongAdder> classes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> serverErrors = new ConcurrentHashMap<>();
  private final LongAdder unanswered = new LongAdder();
  private final LongAdder big = new LongAdder();
  private final CountDownLatch firstAnswers;
  private final Thread thread;
  private volatile HostileLoad.Outcome outcome;

  private HostileTraffic(HostileRequests requests, String gatewayUrl, int connections, Duration time, int started) {
    URI gateway = URI.create(gatewayUrl);
    firstAnswers = new CountDownLatch(started);
    HostileLoad.Listener tally = new HostileLoad.Listener() {
      @Override
      public void answered(WireRequest request, WireResponse response) {
        countBig(request);
        classes.computeIfAbsent(response.status() / 100 + "xx", k -> new LongAdder()).increment();
        if (response.status() >= 500) {
          serverErrors.computeIfAbsent(response.status() + " " + request.kase(), k -> new LongAdder()).increment();
        }
        firstAnswers.countDown();
      }

      @Override
      public void unanswered(WireRequest request, IOException failure) {
        countBig(request);
        unanswered.increment();
      }
    };
    thread = new Thread(() -> outcome = HostileLoad.run(requests, gateway.getHost(), gateway.getPort(),
        Long.MAX_VALUE, connections, time, READ_TIMEOUT, tally), "tenant-a-hostile");
  }

  private void countBig(WireRequest request) {
    if (request != null && request.body() != null && request.body().length >= BIG_BYTES) {
      big.increment();
    }
  }

  /**
   * Starts sending for {@code time} on {@code connections} connections, and returns once {@code started} answers
   * came (or 10 s passed), so whatever runs next runs while tenant A is at full speed.
   */
  static HostileTraffic start(HostileRequests requests, String gatewayUrl, int connections, Duration time,
      int started) {
    HostileTraffic traffic = new HostileTraffic(requests, gatewayUrl, connections, time, started);
    traffic.thread.start();
    try {
      if (!traffic.firstAnswers.await(10, TimeUnit.SECONDS)) {
        Console.say("tenant A: fewer than " + started + " answers in 10 s; going on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return traffic;
  }

  /** Waits until the time given to {@link #start} is over and the last answers came. */
  Result finish() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Map<String, Long> byClass = new TreeMap<>();
    classes.forEach((k, v) -> byClass.put(k, v.sum()));
    Map<String, Long> errors = new TreeMap<>();
    serverErrors.forEach((k, v) -> errors.put(k, v.sum()));
    Result result = new Result(outcome.sent(), big.sum(), outcome.seconds(), byClass, unanswered.sum(), errors);
    Console.say(String.format(Locale.ROOT, "tenant A: %d requests (%d over 1 MB) in %.1f s (%.0f/s), %s, "
        + "%d unanswered", result.sent(), result.big(), result.seconds(), result.perSecond(), byClass,
        result.unanswered()));
    return result;
  }

  /**
   * What tenant A sent and got.
   *
   * @param big how many of them had a body of 1 MB or more
   * @param byClass answers by status class ({@code 2xx}, {@code 4xx}, ...)
   * @param serverErrors "status what-it-tried" of every 5xx, with how often
   */
  record Result(long sent, long big, double seconds, Map<String, Long> byClass, long unanswered,
      Map<String, Long> serverErrors) {
    double perSecond() {
      return seconds == 0 ? 0 : sent / seconds;
    }

    long count(String statusClass) {
      return byClass.getOrDefault(statusClass, 0L);
    }
  }
}
