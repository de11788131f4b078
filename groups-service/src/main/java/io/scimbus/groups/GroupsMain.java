package io.scimbus.groups;

import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import java.util.List;

/** {@code java -jar groups-service-fat.jar}. */
public final class GroupsMain {
  public static final ServiceDefinition DEFINITION = new ServiceDefinition(GroupsVerticle.SERVICE, GroupsVerticle::new);

  private GroupsMain() {
  }

  public static void main(String[] args) {
    ServiceRunner.main(List.of(DEFINITION));
  }
}
