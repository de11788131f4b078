package io.scimbus.policy.portal;

import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.ProvisioningLogEntry;
import io.scimbus.contract.Topics;
import io.scimbus.events.Outbox;
import io.scimbus.policy.log.ProvisioningLogRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Announces one applied behaviour, inside the transaction that applied it: its event goes to the outbox (for
 * webhooks) and an entry to the tenant's provisioning log with the request id of the SCIM request whose event
 * caused it, so "why was this device unassigned" is answered by the log.
 */
public final class Effects {
  /** The provisioning log's method of a behaviour's entry: no HTTP request made it, an event did. */
  public static final String METHOD = "BEHAVIOUR";
  public static final String EMPLOYEE = "Employee";
  public static final String COLLABORATOR = "Collaborator";
  public static final String DEVICE = "Device";
  private static final int APPLIED = 200;

  private final Outbox outbox;
  private final ProvisioningLogRepository log;

  public Effects(Outbox outbox, ProvisioningLogRepository log) {
    this.outbox = outbox;
    this.log = log;
  }

  /**
   * Records a behaviour of {@code type} on a {@code resourceType} caused by {@code cause}; {@code userName} is the
   * user's, so the log's userName filter finds what happened to them.
   */
  public Future<Void> applied(SqlClient tx, ProvisioningEvent cause, String type, String resourceType,
      String resourceId, long version, String userName, JsonObject data) {
    ProvisioningEvent event = ProvisioningEvent.of(type, cause.tenant(), resourceType, resourceId, version,
        cause.requestId(), data);
    ProvisioningLogEntry entry = new ProvisioningLogEntry(UUID.randomUUID().toString(), cause.tenant(),
        Instant.now(), cause.requestId(), METHOD, type, resourceType, resourceId, APPLIED, null, userName);
    return outbox.add(tx, Topics.PORTAL_EVENTS, event).compose(v -> log.record(tx, List.of(entry)));
  }
}
