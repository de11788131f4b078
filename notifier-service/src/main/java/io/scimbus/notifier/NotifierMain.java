package io.scimbus.notifier;

import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import java.util.List;

/** {@code java -jar notifier-service-fat.jar}. */
public final class NotifierMain {
  public static final ServiceDefinition DEFINITION = new ServiceDefinition(NotifierVerticle.SERVICE, NotifierVerticle::new);

  private NotifierMain() {
  }

  public static void main(String[] args) {
    ServiceRunner.main(List.of(DEFINITION));
  }
}
