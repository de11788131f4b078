package io.scimbus.runtime;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A service's configuration: built-in defaults, then the optional JSON file named by {@link ConfigKeys#CONFIG_FILE},
 * then environment variables. Values may arrive as strings (environment) or numbers (file); accessors accept both.
 */
public final class ServiceConfig {
  private final JsonObject values;

  public ServiceConfig(JsonObject values) {
    this.values = values.copy();
  }

  /**
   * Reads defaults, the file {@code environment} names, then {@code environment} itself (a service JVM's own, or what
   * a launcher running services in its JVM would have started their JVMs with), every value a string as
   * vertx-config's raw environment store would give it.
   */
  public static Future<ServiceConfig> load(Vertx vertx, JsonObject defaults, Map<String, String> environment) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .addStore(new ConfigStoreOptions().setType("json").setConfig(defaults));
    String file = environment.get(ConfigKeys.CONFIG_FILE);
    if (file == null) {
      file = System.getProperty(ConfigKeys.CONFIG_FILE);
    }
    if (file != null) {
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("json")
          .setConfig(new JsonObject().put("path", file)));
    }
    JsonObject variables = new JsonObject();
    environment.forEach(variables::put);
    options.addStore(new ConfigStoreOptions().setType("json").setConfig(variables));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig().map(ServiceConfig::new).eventually(retriever::close);
  }

  public String string(String key) {
    Object value = values.getValue(key);
    if (value == null) {
      throw new IllegalStateException("missing configuration " + key);
    }
    return value.toString();
  }

  public String string(String key, String fallback) {
    Object value = values.getValue(key);
    return value == null ? fallback : value.toString();
  }

  public int integer(String key) {
    return Integer.parseInt(string(key).trim());
  }

  public long longValue(String key) {
    return Long.parseLong(string(key).trim());
  }

  public ServiceConfig with(String key, Object value) {
    return new ServiceConfig(values.copy().put(key, value));
  }

  public JsonObject toJson() {
    return values.copy();
  }
}
