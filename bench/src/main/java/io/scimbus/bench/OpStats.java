package io.scimbus.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Latency (microseconds) and outcomes of one operation; errors keep their status and the first body seen. */
public final class OpStats {
  private static final long HIGHEST_MICROS = 300_000_000L;

  private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
  private final Map<Integer, Long> errorsByStatus = new TreeMap<>();
  private String firstError;

  synchronized void record(long micros, int status, String errorBody) {
    latency.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    if (status / 100 != 2) {
      errorsByStatus.merge(status, 1L, Long::sum);
      if (firstError == null) {
        firstError = status + " " + abbreviate(errorBody);
      }
    }
  }

  public synchronized long count() {
    return latency.getTotalCount();
  }

  public synchronized long errors() {
    return errorsByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public synchronized Map<Integer, Long> errorsByStatus() {
    return new TreeMap<>(errorsByStatus);
  }

  public synchronized String firstError() {
    return firstError;
  }

  /** Latency at {@code percentile} (0-100) in milliseconds. */
  public synchronized double millisAt(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1000.0;
  }

  public synchronized double maxMillis() {
    return latency.getMaxValue() / 1000.0;
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
  }
}
