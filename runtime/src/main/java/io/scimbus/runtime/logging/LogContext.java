package io.scimbus.runtime.logging;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.context.storage.ContextLocal;
import java.util.HashMap;
import java.util.Map;

/**
 * The request a log line belongs to, kept on the Vert.x context rather than in a thread-local MDC: an event loop
 * interleaves many requests, while each HTTP request and each bus message runs on its own duplicated context that
 * every continuation of its futures comes back to. {@link VertxContextData} adds these fields to every log event.
 */
public final class LogContext {
  public static final String REQUEST_ID = "requestId";
  public static final String TENANT = "tenant";
  public static final String SERVICE = "service";
  /** Deployment configuration key naming the service a verticle belongs to; logged as {@link #SERVICE}. */
  public static final String SERVICE_CONFIG_KEY = "scimbus.service";

  // Registered when this class loads, which ClusteredVertx makes happen before any service's Vert.x exists: a
  // Vert.x instance only has slots for the locals registered before it was built.
  private static final ContextLocal<Map<String, String>> FIELDS = ContextLocal.registerLocal(cast(Map.class));
  private static volatile String jvmService;

  private LogContext() {
  }

  /** Makes sure the context local is registered; call before building a Vert.x instance. */
  public static void init() {
    // Loading the class registered FIELDS.
  }

  /** Names the service of log lines written outside any service's context (client library threads). */
  public static void jvmService(String name) {
    jvmService = name;
  }

  /** Tags what runs on the current request's context from now on; no-op outside a duplicated context. */
  public static void set(String requestId, String tenant) {
    Context context = Vertx.currentContext();
    // Tagging the event loop's own context would tag every later request on it.
    if (!(context instanceof ContextInternal internal) || !internal.isDuplicate()) {
      return;
    }
    Map<String, String> fields = new HashMap<>(2);
    if (requestId != null) {
      fields.put(REQUEST_ID, requestId);
    }
    if (tenant != null) {
      fields.put(TENANT, tenant);
    }
    try {
      context.putLocal(FIELDS, Map.copyOf(fields));
    } catch (IllegalArgumentException builtBeforeRegistration) {
      // A Vert.x built before this class loaded has no slot: its lines go untagged rather than its work failing.
    }
  }

  /** The fields of the current context, the service name included; empty off any Vert.x thread. */
  static Map<String, String> current() {
    Context context = Vertx.currentContext();
    if (context == null) {
      return jvmService == null ? Map.of() : Map.of(SERVICE, jvmService);
    }
    Map<String, String> fields = new HashMap<>(4);
    String service = context.config() == null ? null : context.config().getString(SERVICE_CONFIG_KEY);
    if (service != null || jvmService != null) {
      fields.put(SERVICE, service != null ? service : jvmService);
    }
    Map<String, String> request = local(context);
    if (request != null) {
      fields.putAll(request);
    }
    return fields;
  }

  private static Map<String, String> local(Context context) {
    try {
      return context.getLocal(FIELDS);
    } catch (IllegalArgumentException builtBeforeRegistration) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> cast(Class<?> type) {
    return (Class<T>) type;
  }
}
