package io.scimbus.bench;

import io.scimbus.devstack.FreePorts;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of service JVMs forming one scimbus cluster on loopback, e.g. {@code [[all services]]} (one JVM) or
 * {@code [[users], [groups], ..., [gateway]]} (one JVM each). Each JVM is named after the services it runs.
 */
final class Topology implements AutoCloseable {
  // the one-JVM topology took over 3 min to become ready at a load average of 40 on 2 cores
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(420);

  private final String name;
  private final List<ChildJvm> jvms;
  private final int httpPort;

  private Topology(String name, List<ChildJvm> jvms, int httpPort) {
    this.name = name;
    this.jvms = jvms;
    this.httpPort = httpPort;
  }

  /** Starts the JVMs one after another (the first founds the cluster) and waits until each is ready. */
  static Topology start(String name, List<List<String>> jvmServices, Map<String, String> baseEnv, Path logDir) {
    int httpPort = FreePorts.next();
    Map<String, String> env = new LinkedHashMap<>(baseEnv);
    env.put(ConfigKeys.CLUSTER_NAME, "scimbus-bench-" + name + "-" + ProcessHandle.current().pid());
    env.put(ConfigKeys.CLUSTER_PORT, Integer.toString(FreePorts.next()));
    env.put(ConfigKeys.HTTP_HOST, "127.0.0.1");
    env.put(ConfigKeys.HTTP_PORT, Integer.toString(httpPort));
    env.put(ConfigKeys.PUBLIC_BASE_URL, "http://127.0.0.1:" + httpPort);
    List<ChildJvm> jvms = new ArrayList<>();
    Topology topology = new Topology(name, jvms, httpPort);
    try {
      for (List<String> services : jvmServices) {
        int healthPort = FreePorts.next();
        Map<String, String> jvmEnv = new LinkedHashMap<>(env);
        jvmEnv.put(ConfigKeys.HEALTH_PORT, Integer.toString(healthPort));
        ChildJvm jvm = ChildJvm.start(name + "-" + String.join("+", services), ServicesMain.class.getName(),
            services, jvmEnv, logDir);
        jvms.add(jvm);
        jvm.awaitHttp("http://127.0.0.1:" + healthPort + HealthServer.READY, READY_TIMEOUT);
      }
      return topology;
    } catch (RuntimeException e) {
      topology.close();
      throw e;
    }
  }

  String name() {
    return name;
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** JVM name to pid, for CPU and RSS accounting. */
  Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    jvms.forEach(jvm -> pids.put(jvm.name(), jvm.pid()));
    return pids;
  }

  @Override
  public void close() {
    for (int i = jvms.size() - 1; i >= 0; i--) {
      jvms.get(i).close();
    }
  }
}
