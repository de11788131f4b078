package io.scimbus.resource;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The SCIM representation of a stored resource: {@code schemas} and {@code id} first, the stored attributes, then
 * {@code meta} with location and version. The version is also the weak ETag ({@code W/"3"}).
 */
public final class Representation {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private Representation() {
  }

  public static JsonObject of(String resourceType, String endpoint, String id, JsonObject resource, long version,
      OffsetDateTime created, OffsetDateTime lastModified, String baseUrl) {
    JsonObject out = new JsonObject();
    out.put("schemas", resource.getValue("schemas"));
    out.put("id", id);
    resource.forEach(entry -> {
      if (!"schemas".equals(entry.getKey())) {
        out.put(entry.getKey(), entry.getValue());
      }
    });
    out.put("meta", new JsonObject()
        .put("resourceType", resourceType)
        .put("created", TIME.format(created.withOffsetSameInstant(ZoneOffset.UTC)))
        .put("lastModified", TIME.format(lastModified.withOffsetSameInstant(ZoneOffset.UTC)))
        .put("location", baseUrl + endpoint + "/" + id)
        .put("version", etag(version)));
    return out;
  }

  /** The time a write stamps: PostgreSQL keeps microseconds, so the reply's meta equals what a later GET returns. */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public static String etag(long version) {
    return "W/\"" + version + "\"";
  }
}
