package io.scimbus.users;

import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import java.util.List;

/** {@code java -jar users-service-fat.jar}. */
public final class UsersMain {
  public static final ServiceDefinition DEFINITION = new ServiceDefinition(UsersVerticle.SERVICE, UsersVerticle::new);

  private UsersMain() {
  }

  public static void main(String[] args) {
    ServiceRunner.main(List.of(DEFINITION));
  }
}
