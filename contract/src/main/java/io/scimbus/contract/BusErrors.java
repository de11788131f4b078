package io.scimbus.contract;

import io.scimbus.core.error.ScimException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * Typed errors across the bus: the failure code is the HTTP status and the message is {@code {scimType, detail}},
 * the shape of vertx-service-proxy's ServiceException. A missing or silent service becomes 503, and so does a
 * service's own 503: both tell the client when to retry.
 */
public final class BusErrors {
  private static final String SCIM_TYPE = "scimType";
  private static final String DETAIL = "detail";

  private BusErrors() {
  }

  /** Replies to {@code message} with the failure; anything that is not a SCIM error is a 500 without internals. */
  public static void fail(Message<?> message, Throwable failure) {
    ScimException scim = failure instanceof ScimException e ? e : ScimException.internal("internal error");
    JsonObject payload = new JsonObject().put(DETAIL, scim.detail());
    if (scim.scimType() != null) {
      payload.put(SCIM_TYPE, scim.scimType());
    }
    message.fail(scim.status(), payload.encode());
  }

  /** The SCIM error a bus failure stands for, as the gateway must render it. */
  public static ScimException toScim(Throwable failure) {
    if (failure instanceof ScimException e) {
      return e;
    }
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.TIMEOUT) {
        return new ServiceUnavailable("the service handling this request is not available; retry later");
      }
      JsonObject payload = parse(reply.getMessage());
      if (reply.failureCode() == ServiceUnavailable.STATUS) {
        return new ServiceUnavailable(payload.getString(DETAIL));
      }
      return new ScimException(reply.failureCode(), payload.getString(SCIM_TYPE), payload.getString(DETAIL));
    }
    return ScimException.internal("internal error");
  }

  private static JsonObject parse(String message) {
    try {
      return new JsonObject(message);
    } catch (RuntimeException e) {
      return new JsonObject().put(DETAIL, message);
    }
  }

  /** 503 that tells the client when to come back. */
  public static final class ServiceUnavailable extends ScimException {
    public static final int STATUS = 503;
    public static final int RETRY_AFTER_SECONDS = 5;

    public ServiceUnavailable(String detail) {
      super(STATUS, null, detail);
    }
  }
}
