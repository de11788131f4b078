package io.scimbus.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line flags ({@code --name value}); every size has a default chosen to fit 15 minutes on 2 cores. */
final class BenchOptions {
  static final String FULL = "full";
  static final String NOISY_NEIGHBOUR = "noisy-neighbour";
  static final String WEBHOOKS = "webhooks";
  static final String DEACTIVATION_LATENCY = "deactivation-latency";
  static final List<String> SCENARIOS = List.of(FULL, NOISY_NEIGHBOUR, WEBHOOKS, DEACTIVATION_LATENCY);
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
  /** The flags only the noisy-neighbour scenario reads. */
  static final List<String> NOISY_KEYS = List.of("noisy-seconds", "noisy-rate", "hostile-connections",
      "hostile-seed");
  /** The flags only the webhooks scenario reads. */
  static final List<String> WEBHOOK_KEYS = List.of("webhook-rate", "webhook-seconds");
  /** The flags only the deactivation-latency scenario reads. */
  static final List<String> DEACTIVATION_KEYS = List.of("deactivation-users", "devices-per-user",
      "deactivation-rate", "deactivation-deadline-seconds", "deactivation-poll-ms");
  /** The flags only the peer comparison ({@code --peer keycloak}) reads. */
  static final List<String> PEER_KEYS = List.of("peer", "peer-users", "peer-step-seconds", "peer-max-seconds");
  static final String KEYCLOAK = "keycloak";

  static {
    DEFAULTS.put("scenario", FULL);
    DEFAULTS.put("connections", "64");
    DEFAULTS.put("users", "15000");
    DEFAULTS.put("groups", "4");
    DEFAULTS.put("members", "1000");
    DEFAULTS.put("batch", "100");
    DEFAULTS.put("serial-users", "1000");
    DEFAULTS.put("tenants", "100");
    DEFAULTS.put("users-per-tenant", "20");
    DEFAULTS.put("population", "1000000");
    DEFAULTS.put("steady-seconds", "30");
    DEFAULTS.put("rate", "2000");
    DEFAULTS.put("rate-seconds", "20");
    DEFAULTS.put("large-groups", "2");
    DEFAULTS.put("large-members", "10000");
    DEFAULTS.put("large-reads", "2000");
    DEFAULTS.put("warmup-seconds", "15");
    DEFAULTS.put("warmup-max-seconds", "180");
    DEFAULTS.put("max-seconds", "60");
    DEFAULTS.put("max-requests", "2000000");
    DEFAULTS.put("pg-pool", "8");
    DEFAULTS.put("report", "BENCHMARKS.md");
    DEFAULTS.put("base-url", "");
    DEFAULTS.put("token", "");
    DEFAULTS.put("workload", "entra-sync");
    DEFAULTS.put("noisy-seconds", "30");
    DEFAULTS.put("noisy-rate", "100");
    DEFAULTS.put("hostile-connections", "12");
    DEFAULTS.put("hostile-seed", "20261202");
    DEFAULTS.put("webhook-rate", "500");
    DEFAULTS.put("webhook-seconds", "30");
    DEFAULTS.put("deactivation-users", "200");
    DEFAULTS.put("devices-per-user", "2");
    DEFAULTS.put("deactivation-rate", "10");
    DEFAULTS.put("deactivation-deadline-seconds", "30");
    DEFAULTS.put("deactivation-poll-ms", "20");
    DEFAULTS.put("peer", "");
    DEFAULTS.put("peer-users", "2000");
    DEFAULTS.put("peer-step-seconds", "10");
    DEFAULTS.put("peer-max-seconds", "180");
  }

  private final Map<String, String> values;

  private BenchOptions(Map<String, String> values) {
    this.values = values;
  }

  static String usage() {
    return "usage: bench/run [--name value ...]; options and defaults: " + DEFAULTS;
  }

  static BenchOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (key == null || !DEFAULTS.containsKey(key) || i + 1 == args.length) {
        throw new IllegalArgumentException("bad option " + args[i] + "\n" + usage());
      }
      values.put(key, args[++i]);
    }
    if (!SCENARIOS.contains(values.get("scenario"))) {
      throw new IllegalArgumentException("--scenario is one of " + SCENARIOS + "\n" + usage());
    }
    if (!List.of("", KEYCLOAK).contains(values.get("peer"))) {
      throw new IllegalArgumentException("--peer is " + KEYCLOAK + "\n" + usage());
    }
    return new BenchOptions(values);
  }

  /** Against a peer started beside scimbus ({@code --peer keycloak}), when one is named. */
  boolean peer() {
    return !values.get("peer").isBlank();
  }

  String scenario() {
    return values.get("scenario");
  }

  int integer(String key) {
    return Integer.parseInt(values.get(key));
  }

  String string(String key) {
    return values.get(key);
  }

  Path report() {
    return Path.of(values.get("report")).toAbsolutePath();
  }

  /** Against another server when a base URL is given; otherwise scimbus is started, measured and reported. */
  boolean external() {
    return !values.get("base-url").isBlank();
  }

  /** The flags that differ from the defaults, as they would be typed, for the report. */
  String changed() {
    StringBuilder out = new StringBuilder();
    values.forEach((key, value) -> {
      if (!value.equals(DEFAULTS.get(key)) && !key.equals("token")) {
        out.append(" --").append(key).append(' ').append(value);
      }
    });
    return out.toString();
  }
}
