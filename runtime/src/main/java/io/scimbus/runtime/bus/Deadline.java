package io.scimbus.runtime.bus;

import io.scimbus.contract.BusErrors;
import io.scimbus.contract.BusHeaders;
import io.scimbus.core.error.ScimException;

/**
 * The moment by which a service must have finished a request, so that its reply reaches the gateway before the
 * gateway stops waiting ({@link BusHeaders#DEADLINE}). The service keeps {@link #MARGIN_MS} of the gateway's time for
 * itself: after its own deadline it commits nothing, which is what lets a 503 always mean "nothing happened".
 */
public final class Deadline {
  /**
   * What the service leaves of the gateway's time for the COMMIT itself, the reply's way back over the bus and the
   * clock difference between two hosts (NTP keeps it in milliseconds).
   */
  public static final long MARGIN_MS = 500;
  /** No deadline: requests that come from no waiting client (start-up, Kafka consumers, other senders). */
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  private final long epochMillis;

  private Deadline(long epochMillis) {
    this.epochMillis = epochMillis;
  }

  /** The service's deadline for a request whose sender waits until {@code senderEpochMillis}. */
  public static Deadline beforeSender(long senderEpochMillis) {
    return new Deadline(senderEpochMillis - MARGIN_MS);
  }

  /** From the {@link BusHeaders#DEADLINE} header; {@link #NONE} when the sender set none. */
  static Deadline fromHeader(String header) {
    return header == null ? NONE : beforeSender(Long.parseLong(header));
  }

  public boolean bounded() {
    return epochMillis != Long.MAX_VALUE;
  }

  public boolean passed() {
    return bounded() && System.currentTimeMillis() >= epochMillis;
  }

  /** Milliseconds left, at most {@link Long#MAX_VALUE}; zero or less once passed. */
  public long remainingMillis() {
    return bounded() ? epochMillis - System.currentTimeMillis() : Long.MAX_VALUE;
  }

  /** The 503 (with {@code Retry-After}) of a request given up at its deadline, before anything was stored. */
  public ScimException expired() {
    return new BusErrors.ServiceUnavailable("the request could not finish in time and nothing was changed; retry");
  }
}
