package io.scimbus.testsupport;

import io.scimbus.contract.EventTypes;
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
import java.util.ArrayList;
import java.util.List;

/** The published event catalogue (notifier-service's {@code events/v1/*.json}), to check what receivers get. */
public final class EventSchemas {
  private static final String BASE = "https://schemas.scimbus.dev/events/v1/";
  private static final List<String> SHARED = List.of("envelope", "resource-event", "user", "group", "portal-event",
      "employee", "collaborator", "device");

  private final SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012).setBaseUri(BASE));
  private final List<String> types = new ArrayList<>(EventTypes.SUBSCRIBABLE);

  public EventSchemas() {
    types.add(EventTypes.WEBHOOK_TEST);
    SHARED.forEach(name -> repository.dereference(JsonSchema.of(load(name))));
    types.forEach(type -> repository.dereference(JsonSchema.of(load(type))));
  }

  /** Validates a webhook body against the schema of its own {@code type}. */
  public OutputUnit validate(JsonObject body) {
    String type = body.getString("type");
    if (!types.contains(type)) {
      throw new AssertionError("not a type of the catalogue: " + type);
    }
    return repository.validator(BASE + type + ".json").validate(body);
  }

  private static JsonObject load(String name) {
    try (InputStream in = EventSchemas.class.getResourceAsStream("/events/v1/" + name + ".json")) {
      if (in == null) {
        throw new AssertionError("the catalogue has no events/v1/" + name + ".json");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
