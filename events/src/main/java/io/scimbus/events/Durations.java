package io.scimbus.events;

import java.time.Duration;
import java.util.Locale;

/** Durations as configuration writes them: {@code 250ms}, {@code 5s}, {@code 30m}, {@code 2h}, {@code 5d}; bare = ms. */
public final class Durations {
  private Durations() {
  }

  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Duration.ofMillis(Long.parseLong(value));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException("unknown unit");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration (like 250ms, 5s, 30m, 2h, 5d): \"" + text + "\"", e);
    }
  }
}
