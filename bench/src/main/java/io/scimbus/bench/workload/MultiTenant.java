package io.scimbus.bench.workload;

import io.scimbus.bench.Phase;
import io.scimbus.bench.ScimClient;
import io.scimbus.bench.Target;
import io.scimbus.bench.Workload;
import io.vertx.core.Future;
import java.util.List;

/**
 * Many tenants' initial syncs at once, each with its own token: units interleave the tenants (unit i belongs to
 * tenant i mod T), so every tenant is mid-cycle during the whole run.
 */
public final class MultiTenant implements Workload {
  private final List<Target> tenants;
  private final String runId;
  private final int usersPerTenant;

  public MultiTenant(List<Target> tenants, String runId, int usersPerTenant) {
    this.tenants = tenants;
    this.runId = runId;
    this.usersPerTenant = usersPerTenant;
  }

  @Override
  public String name() {
    return "multi-tenant";
  }

  @Override
  public String describe() {
    return tenants.size() + " tenants, each its own token, " + usersPerTenant + " users each (lookup then create)";
  }

  @Override
  public List<Phase> phases() {
    return List.of(new Phase("user", (long) tenants.size() * usersPerTenant, this::syncUser));
  }

  private Future<?> syncUser(long index, ScimClient client) {
    int tenant = (int) (index % tenants.size());
    long user = index / tenants.size();
    return UserSync.sync(client, tenants.get(tenant), runId + "-" + user + "@t" + tenant + ".example",
        runId + "-ext-" + user);
  }
}
