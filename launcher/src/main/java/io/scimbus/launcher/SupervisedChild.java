package io.scimbus.launcher;

import io.scimbus.devstack.Restartable;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps one child running: says when it dies (which child, pid, exit code, uptime) and starts it again after the
 * {@link RestartBackoff}. {@link #close()} ends the supervision before it stops the child, so an exit it asked for
 * is never taken for a death.
 */
final class SupervisedChild implements AutoCloseable {
  private static final Duration RESTART_WAIT = Duration.ofSeconds(30);
  private static final int SIGNAL_EXIT_BASE = 128;

  private final Restartable child;
  private final RestartBackoff backoff;
  private final Consumer<String> say;
  // one thread per child: a child whose restart waits on another (a service on Kafka) must not hold up that one
  private final ScheduledExecutorService scheduler;
  private boolean stopping;
  private Process current;
  private long startedNanos;
  private ScheduledFuture<?> pendingRestart;

  private SupervisedChild(Restartable child, RestartBackoff backoff, Consumer<String> say) {
    this.child = child;
    this.backoff = backoff;
    this.say = say;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "supervise-" + child.name());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Launches {@code child} (failing as its launch fails) and supervises it from then on. */
  static SupervisedChild start(Restartable child, RestartBackoff backoff, Consumer<String> say) {
    SupervisedChild supervised = new SupervisedChild(child, backoff, say);
    try {
      supervised.watch(child.launch());
    } catch (RuntimeException e) {
      supervised.scheduler.shutdownNow();
      throw e;
    }
    return supervised;
  }

  private synchronized void watch(Process process) {
    current = process;
    startedNanos = System.nanoTime();
    process.onExit().thenAccept(this::exited);
  }

  private void exited(Process process) {
    Duration uptime;
    synchronized (this) {
      if (stopping || process != current) {
        return;
      }
      uptime = Duration.ofNanos(System.nanoTime() - startedNanos);
    }
    Duration delay = backoff.afterDeath(uptime);
    say.accept(child.name() + " (pid " + process.pid() + ") died with " + exitStatus(process.exitValue()) + " after "
        + seconds(uptime) + "; restarting in " + seconds(delay));
    schedule(delay);
  }

  private synchronized void schedule(Duration delay) {
    if (!stopping) {
      pendingRestart = scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void restart() {
    if (isStopping()) {
      return;
    }
    Process process;
    try {
      process = child.launch();
    } catch (RuntimeException e) {
      if (isStopping()) {
        return;
      }
      child.stop();
      Duration delay = backoff.afterDeath(Duration.ZERO);
      say.accept(child.name() + " did not start again (" + e.getMessage() + "); next try in " + seconds(delay));
      schedule(delay);
      return;
    }
    if (!isStopping()) {
      watch(process);
      say.accept(child.name() + " restarted (pid " + process.pid() + ")");
    }
  }

  /** The pid of the child's latest process. */
  synchronized long pid() {
    return current.pid();
  }

  private synchronized boolean isStopping() {
    return stopping;
  }

  /** Ends the supervision, then stops the child, waiting up to its deadline; a restart under way is stopped too. */
  @Override
  public void close() {
    ScheduledFuture<?> pending;
    synchronized (this) {
      stopping = true;
      pending = pendingRestart;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    child.stop();
    if (pending != null && awaitRestartUnderWay(pending)) {
      // the launch under way may have published its process after the stop above
      child.stop();
    }
    scheduler.shutdownNow();
  }

  private static boolean awaitRestartUnderWay(ScheduledFuture<?> pending) {
    try {
      pending.get(RESTART_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (CancellationException e) {
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** {@code exit code 137 (signal 9)} for a child killed by a signal, else {@code exit code N}. */
  static String exitStatus(int code) {
    return code > SIGNAL_EXIT_BASE ? "exit code " + code + " (signal " + (code - SIGNAL_EXIT_BASE) + ")"
        : "exit code " + code;
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
