package io.scimbus.runtime;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Vert.x's JSON codec without jackson-databind. With databind on the classpath (scim-core loads its schemas with it)
 * Vert.x encodes and decodes every JsonObject through an ObjectMapper, looking up a serializer per map entry; the
 * streaming codec reads and writes the same maps and lists directly. Every JSON value scimbus builds is made of
 * maps, lists, strings, numbers and booleans, which is all the streaming codec maps. Registered through
 * {@code META-INF/services}, so every JVM that has the runtime on its classpath uses it.
 */
public final class StreamingJsonFactory implements JsonFactory {
  private static final JsonCodec CODEC = new JacksonCodec();

  @Override
  public int order() {
    // below the default factory's Integer.MAX_VALUE, so this one is chosen
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
