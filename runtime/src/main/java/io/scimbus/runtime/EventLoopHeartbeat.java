package io.scimbus.runtime;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Whether every event loop still runs. Each loop stamps a heartbeat on itself every tick, so a loop held by blocking
 * code (a runaway computation, a synchronous call, a full-GC spiral) stops stamping; liveness fails while any loop's
 * last stamp is older than the threshold and recovers once it stamps again. Answering HTTP on another loop proves
 * nothing about this one, which is why a mere "the probe answered" is not liveness.
 *
 * <p>Only event loops are watched: scimbus runs no code on worker threads, where blocking is allowed anyway.
 * The ticks are Netty tasks on the loops themselves and end when Vert.x closes them.
 */
public final class EventLoopHeartbeat {
  private static final long MAX_TICK_MS = 1000;

  private final long thresholdNanos;
  private final AtomicLongArray beats;

  private EventLoopHeartbeat(long thresholdNanos, int loops) {
    this.thresholdNanos = thresholdNanos;
    this.beats = new AtomicLongArray(loops);
  }

  public static EventLoopHeartbeat start(Vertx vertx, Duration threshold) {
    List<EventExecutor> loops = new ArrayList<>();
    ((VertxInternal) vertx).nettyEventLoopGroup().forEach(loops::add);
    EventLoopHeartbeat heartbeat = new EventLoopHeartbeat(threshold.toNanos(), loops.size());
    long tickMs = Math.max(1, Math.min(MAX_TICK_MS, threshold.toMillis() / 4));
    long now = System.nanoTime();
    for (int i = 0; i < loops.size(); i++) {
      int loop = i;
      heartbeat.beats.set(loop, now);
      loops.get(loop).scheduleAtFixedRate(() -> heartbeat.beats.set(loop, System.nanoTime()), 0, tickMs,
          TimeUnit.MILLISECONDS);
    }
    return heartbeat;
  }

  /** OK, or KO naming each loop (by index) that has not stamped for longer than the threshold, in milliseconds. */
  public Status status() {
    long now = System.nanoTime();
    JsonObject blocked = new JsonObject();
    for (int i = 0; i < beats.length(); i++) {
      long silentNanos = now - beats.get(i);
      if (silentNanos > thresholdNanos) {
        blocked.put("eventLoop" + i, TimeUnit.NANOSECONDS.toMillis(silentNanos));
      }
    }
    return blocked.isEmpty() ? Status.OK() : Status.KO(new JsonObject().put("blockedMs", blocked));
  }
}
