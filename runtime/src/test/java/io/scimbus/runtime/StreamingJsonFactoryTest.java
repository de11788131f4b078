package io.scimbus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.EncodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamingJsonFactoryTest {
  @Test
  void everyJvmWithTheRuntimeEncodesJsonWithTheStreamingCodec() {
    // databind's codec is a subclass; only the plain streaming codec skips the per-entry serializer lookups
    assertEquals(JacksonCodec.class, Json.CODEC.getClass());
  }

  @Test
  void scimValuesRoundTripUnchanged() {
    JsonObject user = new JsonObject()
        .put("userName", "ann@example.com")
        .put("active", true)
        .put("emails", new JsonArray().add(new JsonObject().put("value", "ann@example.com").put("primary", true)))
        .put("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Map.of("employeeNumber", "42"))
        .put("roles", List.of("a", "b"))
        .put("version", 12L)
        .put("ratio", 0.5);
    assertEquals(user, new JsonObject(user.encode()));
  }

  @Test
  void aValueThatIsNotJsonIsRefusedRatherThanGuessed() {
    // without databind nothing is mapped by reflection: a UUID must be put as its string
    assertThrows(EncodeException.class, () -> new JsonObject().put("id", UUID.randomUUID()).encode());
  }
}
