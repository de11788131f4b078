package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.Topics;
import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.DurableProducer;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The notifier's event log lists a tenant's events in the order they were consumed, even within one Kafka batch. */
class NotifierEventOrderIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final int EVENTS = 40;

  @Test
  void eventsOfOneBatchAreListedInArrivalOrderNotByEventId() {
    String tenant = CLUSTER.newTenant().tenant();
    String resource = UUID.randomUUID().toString();
    // lingering lets the whole burst share one request, so the notifier consumes it as one batch in one transaction;
    // ids that sort backwards make an order by id visible at once
    KafkaProducer<String, String> producer = DurableProducer.create(CLUSTER.member(ScimbusCluster.GATEWAY).vertx(),
        CLUSTER.config(), 200, 15_000, 5_000);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int v = 1; v <= EVENTS; v++) {
        ProvisioningEvent event = new ProvisioningEvent(backwardsId(v), "user.updated", tenant, "User", resource, v,
            "order-" + v, Instant.now(), new JsonObject().put("id", resource));
        sent.add(producer.send(KafkaProducerRecord.create(Topics.USER_EVENTS, event.key(), event.toJson().encode())));
      }
      Future.all(sent).await();
    } finally {
      producer.close().await();
    }

    NotifierEvents events = new NotifierEvents(CLUSTER, tenant);
    List<JsonObject> listed = Eventually.await(Duration.ofSeconds(60), events::all, all -> all.size() >= EVENTS);
    assertEquals(LongStream.rangeClosed(1, EVENTS).boxed().toList(),
        listed.stream().map(event -> event.getLong("version")).toList());
  }

  private static String backwardsId(int version) {
    return new UUID(Long.MAX_VALUE - version, Long.MAX_VALUE - version).toString();
  }
}
