package io.scimbus.runtime;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Work that returns a future may still throw before it returns one (a filter that does not compile, a bad id).
 * Code that must run something afterwards, such as returning a connection to its pool, calls the work through
 * {@link #attempt} so that both ways of failing arrive as one failed future.
 */
public final class Futures {
  private Futures() {
  }

  public static <T> Future<T> attempt(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
