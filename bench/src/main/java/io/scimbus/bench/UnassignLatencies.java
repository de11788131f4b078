package io.scimbus.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Per deactivated user, the time from the deactivation's answer to its devices seen unassigned, and the users whose
 * devices were still assigned at the deadline. Percentiles are exact (nearest rank) over every deactivated user, the
 * missed ones ranked above all others: their latency is unknown but longer than the deadline, so a p99 that falls
 * among them is reported as beyond it instead of being computed from the lucky ones only.
 */
public final class UnassignLatencies {
  private final Duration deadline;
  private final List<Double> seenMillis = new ArrayList<>();
  private final List<String> missed = new ArrayList<>();
  private final List<String> notDeactivated = new ArrayList<>();

  public UnassignLatencies(Duration deadline) {
    this.deadline = deadline;
  }

  public Duration deadline() {
    return deadline;
  }

  /** A user's devices were seen unassigned {@code millis} after its deactivation answered. */
  public synchronized void seen(double millis) {
    seenMillis.add(millis);
  }

  /** A user's devices were still assigned when the deadline passed. */
  public synchronized void missed(String userId) {
    missed.add(userId);
  }

  /** A user's deactivation PATCH did not answer 2xx, so nothing was to be unassigned. */
  public synchronized void notDeactivated(String userId) {
    notDeactivated.add(userId);
  }

  public synchronized Summary summary() {
    List<Double> sorted = new ArrayList<>(seenMillis);
    sorted.sort(null);
    return new Summary(deadline, List.copyOf(sorted), List.copyOf(missed), List.copyOf(notDeactivated));
  }

  /**
   * One run's figures: {@code seenMillis} sorted ascending; {@code missed} and {@code notDeactivated} user ids in
   * the order they were found.
   */
  public record Summary(Duration deadline, List<Double> seenMillis, List<String> missed,
      List<String> notDeactivated) {
    /** Users whose deactivation was acknowledged: seen unassigned or missed. */
    public int deactivated() {
      return seenMillis.size() + missed.size();
    }

    /**
     * Latency at {@code percentile} (0-100, exclusive of 0) by nearest rank over every deactivated user;
     * {@link Double#POSITIVE_INFINITY} when that rank is a missed user (beyond the deadline), {@link Double#NaN}
     * when nobody was deactivated.
     */
    public double millisAt(double percentile) {
      if (deactivated() == 0) {
        return Double.NaN;
      }
      int rank = Math.max(1, (int) Math.ceil(percentile * deactivated() / 100.0));
      return rank <= seenMillis.size() ? seenMillis.get(rank - 1) : Double.POSITIVE_INFINITY;
    }

    public double maxMillis() {
      return millisAt(100);
    }
  }
}
