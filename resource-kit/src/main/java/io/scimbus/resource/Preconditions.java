package io.scimbus.resource;

import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.bus.BusRequest;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * {@code If-Match} / {@code If-None-Match} against a resource version (RFC 7644 §3.14, RFC 7232). Weak and strong
 * forms of our ETag compare equal, since the version is the only thing they carry.
 */
public final class Preconditions {
  private Preconditions() {
  }

  /**
   * The resource a write found and locked, when the write may go on: 404 when there is none, 412 when
   * {@code If-Match} names another version.
   */
  public static <T> Future<T> writable(Future<Optional<T>> locked, BusRequest request, String resourceType,
      ToLongFunction<T> version) {
    return locked.map(found -> {
      T current = found.orElseThrow(() -> ResourceIds.notFound(resourceType, request.id()));
      checkIfMatch(request.ifMatch(), version.applyAsLong(current));
      return current;
    });
  }

  /** Fails with 412 when {@code ifMatch} is given and names neither {@code *} nor the current version. */
  public static void checkIfMatch(String ifMatch, long version) {
    if (ifMatch != null && !matches(ifMatch, version)) {
      throw ScimException.preconditionFailed("resource changed: current version is " + Representation.etag(version));
    }
  }

  /** True when {@code ifNoneMatch} names the current version: the client's copy is fresh (304 on GET). */
  public static boolean notModified(String ifNoneMatch, long version) {
    return ifNoneMatch != null && matches(ifNoneMatch, version);
  }

  private static boolean matches(String header, long version) {
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("\"" + version + "\"")) {
        return true;
      }
    }
    return false;
  }
}
