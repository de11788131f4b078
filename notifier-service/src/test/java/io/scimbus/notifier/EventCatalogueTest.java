package io.scimbus.notifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every event type has a schema in {@code events/v1/}, and the envelopes the notifier sends validate against it. */
class EventCatalogueTest {
  private static final String BASE = "https://schemas.scimbus.dev/events/v1/";
  private static final List<String> SHARED = List.of("envelope", "resource-event", "user", "group", "portal-event",
      "employee", "collaborator", "device");
  private static final List<String> TYPES = catalogue();
  private static final SchemaRepository SCHEMAS = repository();

  @Test
  void everyTypeAnEndpointCanSubscribeToHasASchemaAndSoDoesTheTestEvent() {
    for (String type : TYPES) {
      JsonObject schema = load(type);
      assertTrue(schema.getString("$id").equals(BASE + type + ".json"), type);
      assertTrue(schema.getString("description").length() > 10, type + " is described");
    }
  }

  @Test
  void theEnvelopeOfEveryEventTypeValidates() {
    for (String type : EventTypes.SUBSCRIBABLE) {
      String body = Envelope.of(sample(type));
      OutputUnit result = validate(type, new JsonObject(body));
      assertTrue(result.getValid(), type + ": " + result.getErrors() + " in " + body);
    }
  }

  @Test
  void portalSchemasRefuseAnotherResourceType() {
    JsonObject removed = new JsonObject(Envelope.of(sample(EventTypes.DEVICE_REMOVED)));
    assertTrue(validate(EventTypes.DEVICE_REMOVED, removed).getValid());
    assertFalse(validate(EventTypes.DEVICE_REMOVED, removed.copy().put("resourceType", "User")).getValid());
    assertFalse(validate(EventTypes.EMPLOYEE_CREATED, removed).getValid(), "device data is no employee");
  }

  @Test
  void theTestEventValidates() {
    JsonObject body = new JsonObject(Envelope.test(UUID.randomUUID(), "acme", UUID.randomUUID()));
    OutputUnit result = validate(EventTypes.WEBHOOK_TEST, body);
    assertTrue(result.getValid(), result.getErrors() + " in " + body);
  }

  @Test
  void theSchemasRefuseWhatTheCatalogueDoesNotPromise() {
    JsonObject user = new JsonObject(Envelope.of(event(EventTypes.USER_CREATED, user())));
    assertFalse(validate(EventTypes.USER_UPDATED, user).getValid(), "another type");
    assertFalse(validate(EventTypes.USER_CREATED, user.copy().put("resourceType", "Group")).getValid());
    assertFalse(validate(EventTypes.USER_CREATED, user.copy().put("version", 0)).getValid());
    assertFalse(validate(EventTypes.USER_CREATED, user.copy().put("extra", true)).getValid(), "closed envelope");
    JsonObject withPassword = user.copy();
    withPassword.getJsonObject("data").put("password", "secret");
    assertFalse(validate(EventTypes.USER_CREATED, withPassword).getValid(), "never a password");
    JsonObject noRequestId = user.copy();
    noRequestId.remove("requestId");
    assertFalse(validate(EventTypes.USER_CREATED, noRequestId).getValid());
  }

  /** An event of {@code type} as its producer writes it. */
  private static ProvisioningEvent sample(String type) {
    if (type.startsWith("user.") || type.startsWith("group.")) {
      return event(type, type.startsWith("user.") ? user() : group());
    }
    String userId = UUID.randomUUID().toString();
    String now = Instant.now().toString();
    if (type.startsWith("device.")) {
      String id = UUID.randomUUID().toString();
      return ProvisioningEvent.of(type, "acme", "Device", id, 2, "req-1", new JsonObject().put("id", id)
          .put("name", "laptop").put("serial", "SN-1").put("assignedUserId", null)
          .put("policyId", UUID.randomUUID().toString()).put("version", 2).put("created", now).put("updated", now)
          .put("userId", userId));
    }
    if (type.startsWith("collaborator.")) {
      return ProvisioningEvent.of(type, "acme", "Collaborator", userId, 1, "req-1", new JsonObject()
          .put("userId", userId).put("userName", "ada@example.com").put("webAccessRole", null).put("role", "Admin")
          .put("roleSource", "groups").put("version", 1).put("created", now).put("updated", now));
    }
    return ProvisioningEvent.of(type, "acme", "Employee", userId, 3, "req-1", new JsonObject().put("portal", "store")
        .put("userId", userId).put("userName", "ada@example.com").put("webAccessRole", "User").put("created", now));
  }

  private static ProvisioningEvent event(String type, JsonObject data) {
    return ProvisioningEvent.of(type, "acme", type.startsWith("user.") ? "User" : "Group", data.getString("id"), 3,
        "req-1", data);
  }

  /** A user as users-service puts it in an event: its SCIM representation. */
  private static JsonObject user() {
    String id = UUID.randomUUID().toString();
    return new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("id", id)
        .put("userName", "ada@example.com")
        .put("active", true)
        .put("meta", meta("User", id));
  }

  /** A group as groups-service puts it in an event: no member list, the membership change instead. */
  private static JsonObject group() {
    String id = UUID.randomUUID().toString();
    return new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
        .put("id", id)
        .put("displayName", "Engineers")
        .put("meta", meta("Group", id))
        .put("membersAddedCount", 1)
        .put("membersRemovedCount", 0)
        .put("membersAdded", new JsonArray().add(UUID.randomUUID().toString()))
        .put("membersRemoved", new JsonArray());
  }

  private static JsonObject meta(String resourceType, String id) {
    String now = Instant.now().toString();
    return new JsonObject().put("resourceType", resourceType).put("created", now).put("lastModified", now)
        .put("version", "W/\"3\"").put("location", "https://scim.example.com/scim/v2/acme/" + resourceType + "s/"
            + id);
  }

  private static OutputUnit validate(String type, JsonObject body) {
    return SCHEMAS.validator(BASE + type + ".json").validate(body);
  }

  private static List<String> catalogue() {
    List<String> types = new ArrayList<>(EventTypes.SUBSCRIBABLE);
    types.add(EventTypes.WEBHOOK_TEST);
    return types;
  }

  private static SchemaRepository repository() {
    SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri(BASE));
    SHARED.forEach(name -> repository.dereference(JsonSchema.of(load(name))));
    TYPES.forEach(type -> repository.dereference(JsonSchema.of(load(type))));
    return repository;
  }

  private static JsonObject load(String name) {
    try (InputStream in = EventCatalogueTest.class.getResourceAsStream("/events/v1/" + name + ".json")) {
      if (in == null) {
        throw new AssertionError("no schema events/v1/" + name + ".json");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
