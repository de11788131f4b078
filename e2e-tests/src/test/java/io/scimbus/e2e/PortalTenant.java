package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.Topics;
import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.DurableProducer;
import io.scimbus.testsupport.EventSchemas;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A fresh tenant seen through its portals: Entra-style SCIM writes with chosen request ids, the portal state and
 * devices through the admin API, the events notifier-service received and the tenant's provisioning log.
 */
final class PortalTenant {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final String BEHAVIOUR = "BEHAVIOUR";
  /** policy-service's behaviour consumer group, as named in its Portals class. */
  private static final String POLICY_CONSUMER_GROUP = "scimbus-policy-portals";
  private static final EventSchemas SCHEMAS = new EventSchemas();

  final ScimbusCluster cluster;
  final ScimClient scim;
  final ScimClient admin;
  final String tenant;
  final NotifierEvents events;

  PortalTenant(ScimbusCluster cluster) {
    this(cluster, null);
  }

  /** A tenant onboarded with profile {@code preset} (null: the standard profile). */
  PortalTenant(ScimbusCluster cluster, String preset) {
    this.cluster = cluster;
    this.scim = cluster.newTenant(preset);
    this.admin = cluster.admin();
    this.tenant = scim.tenant();
    this.events = new NotifierEvents(cluster, tenant);
  }

  String path(String rest) {
    return "/tenants/" + tenant + rest;
  }

  void configure(String portal, JsonObject settings) {
    Response put = admin.put(path("/portals/" + portal), settings);
    assertEquals(200, put.status(), put.toString());
  }

  /** Creates a user as Entra does, with {@code requestId} as X-Request-Id; its id. */
  String createUser(String userName, String requestId) {
    JsonObject user = new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName).put("externalId", userName).put("active", true);
    Response created = scim.send("POST", "/Users", user.encode(), Map.of("X-Request-Id", requestId));
    assertEquals(201, created.status(), created.toString());
    return created.json().getString("id");
  }

  /** Entra's deactivation and reactivation: a PATCH of active with the string "False" or "True". */
  void setActive(String userId, String value, String requestId) {
    JsonObject patch = GroupRequests.patch(GroupRequests.op("Replace", "active", value));
    Response patched = scim.send("PATCH", "/Users/" + userId, patch.encode(), Map.of("X-Request-Id", requestId));
    assertEquals(200, patched.status(), patched.toString());
  }

  void deleteUser(String userId, String requestId) {
    Response deleted = scim.send("DELETE", "/Users/" + userId, null, Map.of("X-Request-Id", requestId));
    assertEquals(204, deleted.status(), deleted.toString());
  }

  String createGroup(String displayName, String requestId, String... members) {
    Response created = scim.send("POST", "/Groups", GroupRequests.group(displayName, members).encode(),
        Map.of("X-Request-Id", requestId));
    assertEquals(201, created.status(), created.toString());
    return created.json().getString("id");
  }

  /** Adds ({@code "Add"}) or removes ({@code "Remove"}) one member, as Entra's group PATCHes do. */
  void changeMembers(String groupId, String op, String userId, String requestId) {
    JsonObject patch = "Remove".equals(op)
        ? GroupRequests.patch(GroupRequests.op(op, "members[value eq \"" + userId + "\"]", null))
        : GroupRequests.patch(GroupRequests.op(op, "members", new JsonArray().add(new JsonObject().put("value",
            userId))));
    Response patched = scim.send("PATCH", "/Groups/" + groupId, patch.encode(), Map.of("X-Request-Id", requestId));
    assertTrue(patched.status() == 200 || patched.status() == 204, patched.toString());
  }

  JsonObject createPolicy(String name) {
    Response created = admin.post(path("/device-policies"), new JsonObject().put("name", name));
    assertEquals(201, created.status(), created.toString());
    return created.json();
  }

  JsonObject createDevice(String name, String userId, String policyId) {
    JsonObject device = new JsonObject().put("name", name).put("serial", "SN-" + name + "-" + tenant)
        .put("assignedUserId", userId).put("policyId", policyId);
    Response created = admin.post(path("/devices"), device);
    assertEquals(201, created.status(), created.toString());
    return created.json();
  }

  List<JsonObject> list(String rest) {
    Response page = admin.get(path(rest));
    assertEquals(200, page.status(), page.toString());
    return objects(page.json().getJsonArray("Resources"));
  }

  List<JsonObject> employees(String portal) {
    return list("/employees?portal=" + portal);
  }

  List<JsonObject> collaborators() {
    return list("/collaborators");
  }

  List<JsonObject> devices() {
    return list("/devices");
  }

  /**
   * The portal events notifier-service received for the tenant, in arrival order; each, as its webhook would carry
   * it, is what the event catalogue's schema of its type promises.
   */
  List<JsonObject> portalEvents() {
    List<JsonObject> portal = events.all().stream().filter(event -> !event.getString("type").startsWith("user.")
        && !event.getString("type").startsWith("group.")).toList();
    for (JsonObject event : portal) {
      JsonObject envelope = event.copy().put("timestamp", event.getString("occurredAt"));
      envelope.remove("occurredAt");
      OutputUnit result = SCHEMAS.validate(envelope);
      assertTrue(result.getValid(), result.getErrors() + " in " + envelope.encode());
    }
    return portal;
  }

  List<JsonObject> portalEvents(String type) {
    return portalEvents().stream().filter(event -> type.equals(event.getString("type"))).toList();
  }

  /** The provisioning log's entries of applied behaviours, newest first. */
  List<JsonObject> behaviourLog() {
    return list("/provisioning-log?count=1000").stream()
        .filter(entry -> BEHAVIOUR.equals(entry.getString("method"))).toList();
  }

  <T> T await(Supplier<T> probe, Predicate<T> done) {
    return Eventually.await(PATIENCE, probe, done);
  }

  /** Waits until notifier-service has {@code n} portal events of the tenant, and until the log has as many entries. */
  List<JsonObject> awaitPortalEvents(int n) {
    await(this::behaviourLog, log -> log.size() >= n);
    return await(this::portalEvents, found -> found.size() >= n);
  }

  /**
   * How many behaviours the tenant has applied, once notifier-service received every one's event: each effect
   * writes its log entry and its event in one transaction, so the log counts the events on their way.
   */
  int settledBehaviours() {
    int applied = behaviourLog().size();
    await(this::portalEvents, found -> found.size() >= applied);
    return applied;
  }

  /**
   * Publishes every user and group event of the tenant again, exactly as first published (same event ids), as
   * Kafka does after a consumer crash.
   */
  void replayUserAndGroupEvents() {
    KafkaProducer<String, String> producer = DurableProducer.create(cluster.member(ScimbusCluster.GATEWAY).vertx(),
        cluster.config(), 0, 10_000, 5_000);
    try {
      for (JsonObject event : events.all()) {
        String type = event.getString("type");
        String topic = type.startsWith("user.") ? Topics.USER_EVENTS : type.startsWith("group.")
            ? Topics.GROUP_EVENTS : null;
        if (topic != null) {
          producer.send(KafkaProducerRecord.create(topic, tenant + "/" + event.getString("resourceId"),
              event.encode())).await();
        }
      }
    } finally {
      producer.close().await();
    }
    awaitConsumed();
  }

  /** Waits until policy-service's behaviour consumer has committed everything now on the user and group topics. */
  void awaitConsumed() {
    try (Admin kafka = Admin.create(Map.<String, Object>of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.config().string(ConfigKeys.KAFKA_BOOTSTRAP)))) {
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      for (var topic : kafka.describeTopics(List.of(Topics.USER_EVENTS, Topics.GROUP_EVENTS)).allTopicNames().get()
          .values()) {
        topic.partitions().forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()),
            OffsetSpec.latest()));
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      kafka.listOffsets(partitions).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
      await(() -> committed(kafka), committed -> ends.entrySet().stream().allMatch(end -> end.getValue() == 0
          || committed.getOrDefault(end.getKey(), 0L) >= end.getValue()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<TopicPartition, Long> committed(Admin kafka) {
    try {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      kafka.listConsumerGroupOffsets(POLICY_CONSUMER_GROUP).partitionsToOffsetAndMetadata().get()
          .forEach((partition, offset) -> offsets.put(partition, offset.offset()));
      return offsets;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> objects = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      objects.add(array.getJsonObject(i));
    }
    return objects;
  }
}
