package io.scimbus.policy.portal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** SQL for portal_settings: one normalised document per tenant and portal. */
public final class PortalSettingsRepository {
  private static final String ALL = "SELECT portal, settings FROM portal_settings WHERE tenant_id = $1";
  private static final String PUT = "INSERT INTO portal_settings (tenant_id, portal, settings) VALUES ($1, $2, $3)"
      + " ON CONFLICT (tenant_id, portal) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()";
  private static final String USES_POLICY = "SELECT 1 FROM portal_settings WHERE tenant_id = $1 AND portal = 'mdm'"
      + " AND settings->>'deactivationPolicyId' = $2";

  public Future<PortalSettings> all(SqlClient client, String tenant) {
    return client.preparedQuery(ALL).execute(Tuple.of(tenant)).map(rows -> {
      Map<String, JsonObject> stored = new HashMap<>();
      for (Row row : rows) {
        stored.put(row.getString(0), (JsonObject) row.getValue(1));
      }
      return PortalSettings.of(stored);
    });
  }

  public Future<Void> put(SqlClient tx, String tenant, Portal portal, JsonObject settings) {
    return tx.preparedQuery(PUT).execute(Tuple.of(tenant, portal.id(), settings)).mapEmpty();
  }

  /** Whether the MDM deactivation behaviour names this device policy. */
  public Future<Boolean> usesPolicy(SqlClient client, String tenant, UUID policyId) {
    return client.preparedQuery(USES_POLICY).execute(Tuple.of(tenant, policyId.toString()))
        .map(rows -> rows.size() > 0);
  }
}
