package io.scimbus.gateway;

import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import java.util.List;

/** {@code java -jar gateway-fat.jar}. */
public final class GatewayMain {
  public static final ServiceDefinition DEFINITION = new ServiceDefinition(GatewayVerticle.SERVICE, GatewayVerticle::new);

  private GatewayMain() {
  }

  public static void main(String[] args) {
    ServiceRunner.main(List.of(DEFINITION));
  }
}
