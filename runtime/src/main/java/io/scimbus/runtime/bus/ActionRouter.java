package io.scimbus.runtime.bus;

import io.scimbus.contract.BusErrors;
import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.Futures;
import io.vertx.core.Future;
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

  public ActionRouter on(String action, Action handler) {
    actions.put(action, handler);
    return this;
  }

  /** Registers the consumer; the future completes once the registration reached the cluster. */
  public Future<MessageConsumer<JsonObject>> register(EventBus bus, String address) {
    MessageConsumer<JsonObject> consumer = bus.consumer(address, this::dispatch);
    return consumer.completion().map(consumer);
  }

  private void dispatch(Message<JsonObject> message) {
    String name = message.headers().get(BusHeaders.ACTION);
    Futures.attempt(() -> handle(name, message))
        .onSuccess(reply -> message.reply(reply.toJson()))
        .onFailure(failure -> {
          if (!(failure instanceof ScimException scim)) {
            LOG.error("requestId={} tenant={} action={} failed", message.headers().get(BusHeaders.REQUEST_ID),
                message.headers().get(BusHeaders.TENANT), name, failure);
          } else if (scim.status() >= 500) {
            LOG.warn("requestId={} tenant={} action={} -> {} {}", message.headers().get(BusHeaders.REQUEST_ID),
                message.headers().get(BusHeaders.TENANT), name, scim.status(), scim.detail());
          }
          BusErrors.fail(message, failure);
        });
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
