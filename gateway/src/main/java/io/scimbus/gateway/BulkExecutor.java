package io.scimbus.gateway;

import io.scimbus.contract.BusErrors;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;

/**
 * Runs a bulk request's operations one after another through {@link ServiceClient}, exactly as the same requests over
 * HTTP would run, and stops once {@code failOnErrors} operations have failed. Each operation is its own request to
 * its service: a failure does not undo earlier ones (RFC 7644 §3.7 promises no atomicity).
 */
final class BulkExecutor {
  private final ServiceClient client;

  BulkExecutor(ServiceClient client) {
    this.client = client;
  }

  /** The BulkResponse body. Never fails: every operation's failure is in its own result. */
  Future<JsonObject> execute(String tenant, String requestId, BulkRequest request) {
    Run run = new Run(tenant, requestId, request);
    run.next();
    return run.done.future();
  }

  /** The state of one request's execution. */
  private final class Run {
    private final String tenant;
    private final String requestId;
    private final BulkRequest request;
    private final Iterator<BulkOperation> operations;
    private final BulkReferences references;
    private final JsonArray results = new JsonArray();
    private final Promise<JsonObject> done = Promise.promise();
    private int errors;

    Run(String tenant, String requestId, BulkRequest request) {
      this.tenant = tenant;
      this.requestId = requestId;
      this.request = request;
      this.operations = request.operations().iterator();
      this.references = new BulkReferences(request.declaredBulkIds());
    }

    /**
     * Runs operations until one is waiting on the bus, then resumes from its reply. Operations that fail at once
     * (an unresolvable reference) are handled in this loop rather than by recursion, so a thousand of them in a row
     * cannot exhaust the stack.
     */
    void next() {
      while (operations.hasNext() && !request.stopsAfter(errors)) {
        Future<BulkResult> result = execute(operations.next());
        if (!result.isComplete()) {
          result.onSuccess(r -> {
            record(r);
            next();
          });
          return;
        }
        record(result.result());
      }
      done.complete(new JsonObject()
          .put("schemas", new JsonArray().add(ScimUrns.BULK_RESPONSE))
          .put("Operations", results));
    }

    private void record(BulkResult result) {
      results.add(result.json());
      if (result.failed()) {
        errors++;
      }
    }

    private Future<BulkResult> execute(BulkOperation operation) {
      String id;
      JsonObject data;
      try {
        id = operation.id() == null ? null : references.resolve(operation.id());
        data = operation.data() == null ? null : references.resolve(operation.data());
      } catch (ScimException e) {
        return Future.succeededFuture(BulkResult.failure(operation, e, null));
      }
      String itemLocation = id == null ? null : client.tenantBaseUrl(tenant) + operation.endpoint() + "/" + id;
      ServiceRequest serviceRequest = client
          .request(ResourceEndpoints.ADDRESSES.get(operation.endpoint()), operation.action(), tenant, requestId)
          .with(RequestFields.ID, id)
          .with(RequestFields.BODY, data)
          .with(RequestFields.IF_MATCH, operation.version());
      return client.send(serviceRequest)
          .map(reply -> succeeded(operation, reply, itemLocation))
          .otherwise(failure -> BulkResult.failure(operation, BusErrors.toScim(failure), itemLocation));
    }

    private BulkResult succeeded(BulkOperation operation, ScimReply reply, String itemLocation) {
      String location = ReplyWriter.location(reply.body());
      if (operation.bulkId() != null && reply.body() != null) {
        references.created(operation.bulkId(), reply.body().getString("id"));
      }
      return BulkResult.success(operation, reply.status(), location != null ? location : itemLocation,
          reply.version());
    }
  }
}
