package io.scimbus.policy.log;

import io.scimbus.contract.Actions;
import io.scimbus.contract.ProvisioningLogEntry;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.Topics;
import io.scimbus.events.CommittingConsumer;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.policy.Page;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Set;

/**
 * The tenant's provisioning log: the gateway's entries arrive through Kafka and are stored here (entry ids make a
 * replayed batch harmless); portal behaviours write theirs directly, in their own transaction. Operators read it
 * newest first.
 */
public final class ProvisioningLog {
  private static final String CONSUMER_GROUP = "scimbus-policy-provisioning-log";

  private final Database db;
  private final ProvisioningLogRepository rows = new ProvisioningLogRepository();
  private final CommittingConsumer<ProvisioningLogEntry> consumer;

  public ProvisioningLog(Vertx vertx, ServiceConfig config, Pool pool, DeadLetterStore deadLetters) {
    this.db = new Database(pool);
    this.consumer = new CommittingConsumer<>(vertx, config, CONSUMER_GROUP, Set.of(Topics.PROVISIONING_LOG),
        ProvisioningLogEntry::fromJson, entries -> rows.record(pool, entries), pool, deadLetters);
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router.on(Actions.PROVISIONING_LOG, this::page);
  }

  /** The consumer of the gateway's entries, which also puts a replayed dead letter back on their topic. */
  public CommittingConsumer<ProvisioningLogEntry> consumer() {
    return consumer;
  }

  public Future<Void> start() {
    return consumer.start();
  }

  public Future<Void> stop() {
    return consumer.stop();
  }

  private Future<ScimReply> page(BusRequest request) {
    ProvisioningLogQuery query = ProvisioningLogQuery.of(request);
    Page page = Page.of(request);
    return db.read(request.deadline(), conn -> rows.count(conn, request.tenant(), query)
        .compose(total -> rows.page(conn, request.tenant(), query, page)
            .map(entries -> ScimReply.ok(page.body(total, entries), null))));
  }
}
