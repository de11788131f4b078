package io.scimbus.notifier;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * What one delivery attempt came to: the HTTP status when the receiver answered, otherwise an error class
 * ({@code timeout}, {@code connection-refused}, {@code tls}, {@code dns}, {@code blocked-address},
 * {@code connection}); {@code redirect} for a 3xx, which is never followed. {@code retryAfter} is the receiver's
 * {@code Retry-After} on a 429 or 503, or null.
 */
record AttemptResult(Integer status, String error, long latencyMs, String response, Duration retryAfter) {
  static final int GONE = 410;

  boolean success() {
    return status != null && status >= 200 && status < 300;
  }

  boolean gone() {
    return status != null && status == GONE;
  }

  /** A line for the queue row and logs. */
  String summary() {
    return status == null ? error : error == null ? "HTTP " + status : error + " (HTTP " + status + ")";
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("outcome", success() ? "success" : "failure")
        .put("httpStatus", status)
        .put("error", error)
        .put("latencyMs", latencyMs)
        .put("response", response);
  }
}
