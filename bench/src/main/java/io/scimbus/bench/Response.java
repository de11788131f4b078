package io.scimbus.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** An HTTP answer; status 0 when no answer came (connection refused, reset, timeout). */
public record Response(int status, Buffer body) {
  public boolean ok() {
    return status / 100 == 2;
  }

  public JsonObject json() {
    return body == null || body.length() == 0 ? new JsonObject() : body.toJsonObject();
  }
}
