package io.scimbus.runtime;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The one Hazelcast configuration of scimbus (documented in the README, "Cluster"). It starts from Vert.x's own
 * cluster.xml so the {@code __vertx.*} structures keep their settings, then sets discovery: TCP-IP on a member list
 * (loopback on a laptop, never multicast) or Kubernetes DNS lookup of a headless service.
 */
public final class HazelcastSettings {
  private HazelcastSettings() {
  }

  public static Config from(ServiceConfig config) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(config.string(ConfigKeys.CLUSTER_NAME));
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    // Our own shutdown hook closes Vert.x first so peers see the handlers leave at once (see ServiceRunner).
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");

    NetworkConfig network = hz.getNetworkConfig();
    network.setPort(config.integer(ConfigKeys.CLUSTER_PORT)).setPortAutoIncrement(true).setPortCount(20);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if ("kubernetes".equalsIgnoreCase(config.string(ConfigKeys.CLUSTER_DISCOVERY))) {
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", config.string(ConfigKeys.CLUSTER_K8S_SERVICE_DNS));
    } else {
      String host = config.string(ConfigKeys.CLUSTER_HOST);
      hz.setProperty("hazelcast.socket.bind.any", "false");
      network.getInterfaces().setEnabled(true).addInterface(host);
      join.getTcpIpConfig().setEnabled(true);
      for (String member : config.string(ConfigKeys.CLUSTER_MEMBERS).split(",")) {
        if (!member.isBlank()) {
          join.getTcpIpConfig().addMember(member.trim());
        }
      }
    }
    return hz;
  }
}
