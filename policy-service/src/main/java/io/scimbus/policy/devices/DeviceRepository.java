package io.scimbus.policy.devices;

import io.scimbus.policy.Page;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL for devices. The bulk changes of a deactivated user's devices return each device as it is afterwards (for
 * {@link #removeAssignedTo}, as it was), one event each.
 */
public final class DeviceRepository {
  private static final String COLUMNS = Device.COLUMNS;
  private static final String INSERT = "INSERT INTO devices (tenant_id, id, name, serial, assigned_user_id, policy_id)"
      + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS;
  private static final String GET = "SELECT " + COLUMNS + " FROM devices WHERE tenant_id = $1 AND id = $2";
  private static final String COUNT = "SELECT count(*) FROM devices WHERE tenant_id = $1"
      + " AND ($2::text IS NULL OR assigned_user_id = $2)";
  private static final String LIST = "SELECT " + COLUMNS + " FROM devices WHERE tenant_id = $1"
      + " AND ($2::text IS NULL OR assigned_user_id = $2) ORDER BY created_at, id OFFSET $3 LIMIT $4";
  private static final String UPDATE = "UPDATE devices SET name = $3, serial = $4, assigned_user_id = $5,"
      + " policy_id = $6, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING "
      + COLUMNS;
  private static final String DELETE = "DELETE FROM devices WHERE tenant_id = $1 AND id = $2";
  private static final String UNASSIGN = "UPDATE devices SET assigned_user_id = NULL, version = version + 1,"
      + " updated_at = now() WHERE tenant_id = $1 AND assigned_user_id = $2 RETURNING " + COLUMNS;
  private static final String CHANGE_POLICY = "UPDATE devices SET policy_id = $3, version = version + 1,"
      + " updated_at = now() WHERE tenant_id = $1 AND assigned_user_id = $2 AND policy_id IS DISTINCT FROM $3"
      + " RETURNING " + COLUMNS;
  private static final String REMOVE_ASSIGNED = "DELETE FROM devices WHERE tenant_id = $1 AND assigned_user_id = $2"
      + " RETURNING " + COLUMNS;

  Future<Device> insert(SqlClient tx, String tenant, DeviceInput input) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenant, UUID.randomUUID(), input.name(), input.serial(),
        input.assignedUserId(), input.policyId())).map(rows -> Device.of(rows.iterator().next()));
  }

  /** The device, or null. */
  Future<Device> get(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(GET).execute(Tuple.of(tenant, id))
        .map(rows -> rows.size() == 0 ? null : Device.of(rows.iterator().next()));
  }

  Future<Long> count(SqlClient client, String tenant, String assignedUserId) {
    return client.preparedQuery(COUNT).execute(Tuple.of(tenant, assignedUserId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<Device>> list(SqlClient client, String tenant, String assignedUserId, Page page) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenant, assignedUserId, page.offset(), page.count()))
        .map(DeviceRepository::devices);
  }

  Future<Device> update(SqlClient tx, String tenant, UUID id, DeviceInput input) {
    return tx.preparedQuery(UPDATE).execute(Tuple.of(tenant, id, input.name(), input.serial(),
        input.assignedUserId(), input.policyId())).map(rows -> Device.of(rows.iterator().next()));
  }

  Future<Boolean> delete(SqlClient tx, String tenant, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() == 1);
  }

  public Future<List<Device>> unassignFrom(SqlClient tx, String tenant, String userId) {
    return tx.preparedQuery(UNASSIGN).execute(Tuple.of(tenant, userId)).map(DeviceRepository::devices);
  }

  /** Moves the user's devices that are on another policy to {@code policyId}. */
  public Future<List<Device>> changePolicyOf(SqlClient tx, String tenant, String userId, UUID policyId) {
    return tx.preparedQuery(CHANGE_POLICY).execute(Tuple.of(tenant, userId, policyId))
        .map(DeviceRepository::devices);
  }

  public Future<List<Device>> removeAssignedTo(SqlClient tx, String tenant, String userId) {
    return tx.preparedQuery(REMOVE_ASSIGNED).execute(Tuple.of(tenant, userId)).map(DeviceRepository::devices);
  }

  private static List<Device> devices(RowSet<Row> rows) {
    List<Device> devices = new ArrayList<>(rows.size());
    rows.forEach(row -> devices.add(Device.of(row)));
    return devices;
  }
}
