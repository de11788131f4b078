package io.scimbus.bench;

import io.scimbus.gateway.GatewayMain;
import io.scimbus.groups.GroupsMain;
import io.scimbus.notifier.NotifierMain;
import io.scimbus.policy.PolicyMain;
import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.users.UsersMain;
import java.util.Arrays;
import java.util.Map;

/**
 * Main of every service JVM the benchmark starts: the arguments name the services this JVM runs, so one JVM with
 * all of them and one JVM per service run the very same code from the same jar.
 */
public final class ServicesMain {
  static final Map<String, ServiceDefinition> SERVICES = Map.of(
      "users", UsersMain.DEFINITION,
      "groups", GroupsMain.DEFINITION,
      "policy", PolicyMain.DEFINITION,
      "notifier", NotifierMain.DEFINITION,
      "gateway", GatewayMain.DEFINITION,
      "echo-users", EchoUsersVerticle.DEFINITION);

  private ServicesMain() {
  }

  public static void main(String[] args) {
    ServiceRunner.main(Arrays.stream(args).map(name -> {
      ServiceDefinition definition = SERVICES.get(name);
      if (definition == null) {
        throw new IllegalArgumentException("unknown service " + name + "; known: " + SERVICES.keySet());
      }
      return definition;
    }).toList());
  }
}
