package io.scimbus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
  @Test
  void aLaptopConnectsInPlaintext() {
    assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT"),
        KafkaConnection.settings(new ServiceConfig(Defaults.values())));
  }

  @Test
  void productionSettingsReachEveryClient() {
    ServiceConfig config = new ServiceConfig(Defaults.values()
        .put(ConfigKeys.KAFKA_SECURITY_PROTOCOL, "SASL_SSL")
        .put(ConfigKeys.KAFKA_SASL_MECHANISM, "SCRAM-SHA-512")
        .put(ConfigKeys.KAFKA_SASL_JAAS_CONFIG, "ScramLoginModule required;")
        .put(ConfigKeys.KAFKA_SSL_CA_FILE, "/etc/kafka/ca.pem"));
    assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "ScramLoginModule required;",
        "ssl.truststore.location", "/etc/kafka/ca.pem", "ssl.truststore.type", "PEM"),
        KafkaConnection.settings(config));
  }

  @Test
  void aBlankSaslMechanismMeansNone() {
    ServiceConfig config = new ServiceConfig(Defaults.values().put(ConfigKeys.KAFKA_SASL_MECHANISM, " "));
    assertFalse(KafkaConnection.settings(config).containsKey("sasl.mechanism"));
  }
}
