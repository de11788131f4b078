package io.scimbus.policy;

import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import java.util.List;

/** {@code java -jar policy-service-fat.jar}. */
public final class PolicyMain {
  public static final ServiceDefinition DEFINITION = new ServiceDefinition(PolicyVerticle.SERVICE, PolicyVerticle::new);

  private PolicyMain() {
  }

  public static void main(String[] args) {
    ServiceRunner.main(List.of(DEFINITION));
  }
}
