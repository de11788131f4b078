package io.scimbus.bench;

import java.util.List;

/**
 * {@code bench/run}: the full scimbus benchmark, the noisy-neighbour scenario ({@code --scenario noisy-neighbour}),
 * the webhook workload ({@code --scenario webhooks}), the MDM devices' unassignment after a deactivation
 * ({@code --scenario deactivation-latency}), scimbus beside Keycloak ({@code --peer keycloak}), or one workload
 * against another server with {@code --base-url}.
 */
public final class BenchMain {
  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(BenchOptions.usage());
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.peer()) {
      PeerRun.run(options);
    } else if (options.scenario().equals(BenchOptions.NOISY_NEIGHBOUR)) {
      NoisyNeighbourRun.run(options);
    } else if (options.scenario().equals(BenchOptions.WEBHOOKS)) {
      WebhookRun.run(options);
    } else if (options.scenario().equals(BenchOptions.DEACTIVATION_LATENCY)) {
      DeactivationRun.run(options);
    } else if (options.external()) {
      ExternalRun.run(options);
    } else {
      FullRun.run(options);
    }
    // child JVMs are gone; the JVM exits even if a library left a non-daemon thread behind
    System.exit(0);
  }
}
