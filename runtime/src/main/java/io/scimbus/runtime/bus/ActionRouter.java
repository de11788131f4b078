package io.scimbus.runtime.bus;

import io.scimbus.contract.BusErrors;
import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.Futures;
import io.scimbus.runtime.logging.LogContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one service address and dispatches on the {@link BusHeaders#ACTION} header. Every reply is a
 * {@link ScimReply}; every failure crosses the bus typed through {@link BusErrors}.
 */
public final class ActionRouter {
  private static final Logger LOG = LoggerFactory.getLogger(ActionRouter.class);

  /** One bus action: the request's tenant, request id and body in, a reply out. */
  @FunctionalInterface
  public interface Action {
    Future<ScimReply> handle(BusRequest request);
  }

  private final Map<String, Action> actions = new HashMap<>();
  // Confined to the registering verticle's event loop, as are the fields below.
  private int inFlight;
  private MessageConsumer<JsonObject> consumer;
  private Promise<Void> drained;

  public ActionRouter on(String action, Action handler) {
    actions.put(action, handler);
    return this;
  }

  /** Registers the consumer; the future completes once the registration reached the cluster. */
  public Future<MessageConsumer<JsonObject>> register(EventBus bus, String address) {
    consumer = bus.consumer(address, message -> dispatch(address, message));
    return consumer.completion().map(consumer);
  }

  /**
   * Stops taking requests (the address leaves the cluster, so the gateway's next request goes to another replica or
   * gets 503 at once) and completes when every request already taken has been answered; their deadlines bound that.
   */
  public Future<Void> close() {
    if (consumer == null) {
      return Future.succeededFuture();
    }
    return consumer.unregister().compose(v -> {
      if (inFlight == 0) {
        return Future.succeededFuture();
      }
      drained = Promise.promise();
      return drained.future();
    });
  }

  private void finished() {
    inFlight--;
    if (inFlight == 0 && drained != null) {
      drained.tryComplete();
    }
  }

  /**
   * Handles one message on its own duplicated context, tagged with the request so every log line of it is; the
   * reply and its line come back to that context whichever context the action's futures completed on.
   */
  private void dispatch(String address, Message<JsonObject> message) {
    long started = System.nanoTime();
    inFlight++;
    String name = message.headers().get(BusHeaders.ACTION);
    LogContext.set(message.headers().get(BusHeaders.REQUEST_ID), message.headers().get(BusHeaders.TENANT));
    Futures.onCallerContext(Futures.attempt(() -> handle(name, message)))
        .onSuccess(reply -> {
          message.reply(reply.toJson());
          finished();
          logHandled(address, name, reply.status(), started);
        })
        .onFailure(failure -> {
          int status = failure instanceof ScimException scim ? scim.status() : 500;
          if (!(failure instanceof ScimException)) {
            LOG.error("action={} failed", name, failure);
          } else if (status >= 500) {
            LOG.warn("action={} -> {} {}", name, status, ((ScimException) failure).detail());
          }
          BusErrors.fail(message, failure);
          finished();
          logHandled(address, name, status, started);
        });
  }

  private static void logHandled(String address, String action, int status, long startedNanos) {
    long micros = (System.nanoTime() - startedNanos) / 1000;
    LOG.atInfo()
        .addKeyValue("address", address)
        .addKeyValue("action", action)
        .addKeyValue("status", status)
        .addKeyValue("latencyMs", micros / 1000.0)
        .log("{} {} -> {}", address, action, status);
  }

  /** Runs the action; a request that arrives after its deadline is refused before any work, its sender is gone. */
  private Future<ScimReply> handle(String name, Message<JsonObject> message) {
    Action action = actions.get(name);
    if (action == null) {
      throw ScimException.notImplemented("unsupported action " + name);
    }
    BusRequest request = BusRequest.of(message);
    if (request.deadline().passed()) {
      throw request.deadline().expired();
    }
    return action.handle(request);
  }
}
