package io.scimbus.devstack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child JVM the way every scimbus process expects: SIGTERM, a grace period, then SIGKILL. */
public final class ChildProcesses {
  private static final long KILL_WAIT_SECONDS = 5;

  private ChildProcesses() {
  }

  /** SIGTERM lets a service close Vert.x and leave the cluster (or Kafka flush its log); killed if it lingers. */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
