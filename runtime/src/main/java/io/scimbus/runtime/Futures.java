package io.scimbus.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
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

  /**
   * {@code shared} as seen from the calling context. A future kept across requests (a cache entry, a lookup in
   * flight) runs its listeners on the context of the request that created it, so without this hop a later request's
   * continuations would run there, logged with the first request's id and tenant.
   */
  public static <T> Future<T> onCallerContext(Future<T> shared) {
    Context context = Vertx.currentContext();
    if (!(context instanceof ContextInternal caller)) {
      return shared;
    }
    Promise<T> promise = caller.promise();
    shared.onComplete(promise);
    return promise.future();
  }
}
