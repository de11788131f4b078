package io.scimbus.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * How every Kafka client of a service reaches the brokers: bootstrap servers and, when set, TLS and SASL. Producers,
 * consumers and the topic admin all start from these settings, so one configuration secures them all.
 */
public final class KafkaConnection {
  private KafkaConnection() {
  }

  public static Map<String, String> settings(ServiceConfig config) {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", config.string(ConfigKeys.KAFKA_BOOTSTRAP));
    settings.put("security.protocol", config.string(ConfigKeys.KAFKA_SECURITY_PROTOCOL));
    putIfSet(settings, "sasl.mechanism", config, ConfigKeys.KAFKA_SASL_MECHANISM);
    putIfSet(settings, "sasl.jaas.config", config, ConfigKeys.KAFKA_SASL_JAAS_CONFIG);
    if (putIfSet(settings, "ssl.truststore.location", config, ConfigKeys.KAFKA_SSL_CA_FILE)) {
      settings.put("ssl.truststore.type", "PEM");
    }
    return settings;
  }

  private static boolean putIfSet(Map<String, String> settings, String name, ServiceConfig config, String key) {
    String value = config.string(key, null);
    if (value == null || value.isBlank()) {
      return false;
    }
    settings.put(name, value);
    return true;
  }
}
