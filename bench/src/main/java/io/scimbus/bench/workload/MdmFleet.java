package io.scimbus.bench.workload;

import io.scimbus.bench.Phase;
import io.scimbus.bench.ScimClient;
import io.scimbus.bench.Target;
import io.scimbus.bench.Workload;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An MDM tenant's fleet, set up before anything is measured: each user created with an Entra-shaped
 * {@code POST /Users}, then given {@code devicesPerUser} devices through the tenant's admin API
 * ({@code POST .../devices} with {@code assignedUserId}), as an operator registers them.
 */
public final class MdmFleet implements Workload {
  static final String DEVICE_CREATE = "POST /admin/v1/tenants/{t}/devices";

  private final Target scim;
  private final Target admin;
  private final String runId;
  private final int users;
  private final int devicesPerUser;
  private final AtomicReferenceArray<String> ids;

  /** {@code admin} is the tenant's admin API (its base URL ends in {@code /tenants/<id>}) with the admin token. */
  public MdmFleet(Target scim, Target admin, String runId, int users, int devicesPerUser) {
    this.scim = scim;
    this.admin = admin;
    this.runId = runId;
    this.users = users;
    this.devicesPerUser = devicesPerUser;
    this.ids = new AtomicReferenceArray<>(users);
  }

  @Override
  public String name() {
    return "mdm-fleet";
  }

  @Override
  public String describe() {
    return users + " users (create), each with " + devicesPerUser + " devices assigned through the admin API";
  }

  @Override
  public List<Phase> phases() {
    return List.of(new Phase("user", users, this::provision));
  }

  /** The created users' ids, in creation order; every figure after a failed setup would be wrong, so it throws. */
  public List<String> userIds() {
    List<String> created = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      if (ids.get(i) == null) {
        throw new IllegalStateException("the MDM fleet's user " + i + " or one of its devices was not created");
      }
      created.add(ids.get(i));
    }
    return created;
  }

  private Future<?> provision(long index, ScimClient client) {
    String userName = runId + "-" + index + "@entra.example";
    return client.post(UserSync.CREATE, scim, "/Users", UserDocs.user(userName, runId + "-ext-" + index))
        .compose(created -> created.ok() ? devices(client, created.json().getString("id"), index, 0)
            : Future.failedFuture("POST /Users answered " + created.status()));
  }

  private Future<Void> devices(ScimClient client, String userId, long index, int device) {
    if (device == devicesPerUser) {
      ids.set((int) index, userId);
      return Future.succeededFuture();
    }
    JsonObject body = new JsonObject().put("name", "Bench device " + index + "-" + device)
        .put("serial", runId + "-" + index + "-" + device).put("assignedUserId", userId);
    return client.post(DEVICE_CREATE, admin, "/devices", body)
        .compose(created -> created.status() == 201 ? devices(client, userId, index, device + 1)
            : Future.failedFuture("POST devices answered " + created.status()));
  }
}
