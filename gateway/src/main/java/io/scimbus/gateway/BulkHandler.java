package io.scimbus.gateway;

import io.scimbus.contract.ScimReply;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /Bulk} (RFC 7644 §3.7): parse, run, answer 200 with the BulkResponse. */
final class BulkHandler implements Handler<RoutingContext> {
  /** The most operations one request may carry; advertised as {@code bulk.maxOperations}. */
  static final int MAX_OPERATIONS = 1000;

  private final BulkExecutor executor;

  BulkHandler(BulkExecutor executor) {
    this.executor = executor;
  }

  @Override
  public void handle(RoutingContext rc) {
    BulkRequest request = BulkRequestParser.parse(JsonBody.of(rc), MAX_OPERATIONS);
    executor.execute(rc.get(BearerAuthHandler.TENANT_KEY), RequestIdHandler.of(rc), request)
        .onSuccess(body -> ReplyWriter.write(rc.response(), ScimReply.ok(body, null)))
        .onFailure(rc::fail);
  }
}
