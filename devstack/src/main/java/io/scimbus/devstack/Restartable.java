package io.scimbus.devstack;

/** A child process that can be started again, on the same ports and data, after it stopped or died. */
public interface Restartable {
  /** What logs and errors call it, e.g. {@code users-service}. */
  String name();

  /** Starts the process and returns it once it serves; fails when it dies or is not ready within its deadline. */
  Process launch();

  /** Stops the running process, if any: SIGTERM, then SIGKILL when it outlives its grace period. */
  void stop();
}
