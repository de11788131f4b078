package io.scimbus.bench.workload;

import io.scimbus.bench.Phase;
import io.scimbus.bench.ScimClient;
import io.scimbus.bench.Target;
import io.scimbus.bench.Workload;
import io.vertx.core.Future;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A provisioning cycle on a large tenant once the initial sync is done: 40% lookups by userName, 20% by externalId,
 * 30% PATCH replace of displayName, 10% deactivations ({@code active: "False"}, as Entra sends it), each on a
 * random user of the seeded population. Time-bounded: one unit is one request.
 */
public final class SteadyState implements Workload {
  static final String BY_USER_NAME = "GET /Users?filter=userName eq";
  static final String BY_EXTERNAL_ID = "GET /Users?filter=externalId eq";
  static final String PATCH_REPLACE = "PATCH /Users/{id} replace displayName";
  static final String DEACTIVATE = "PATCH /Users/{id} active False";

  private final Target target;
  private final SeededUsers population;
  private final SplittableRandom random = new SplittableRandom(42);

  public SteadyState(Target target, SeededUsers population) {
    this.target = target;
    this.population = population;
  }

  @Override
  public String name() {
    return "steady-state";
  }

  @Override
  public String describe() {
    return "40% lookup by userName, 20% by externalId, 30% PATCH replace, 10% deactivation on "
        + population.count() + " seeded users";
  }

  @Override
  public List<Phase> phases() {
    return List.of(new Phase("request", Long.MAX_VALUE, this::oneRequest));
  }

  private Future<?> oneRequest(long index, ScimClient client) {
    int dice = random.nextInt(100);
    long n = random.nextLong(population.count());
    if (dice < 40) {
      return client.get(BY_USER_NAME, target, population.userNameLookup(n));
    }
    if (dice < 60) {
      return client.get(BY_EXTERNAL_ID, target,
          ScimClient.filtered("/Users", "externalId eq \"" + population.externalId(n) + "\""));
    }
    String path = "/Users/" + population.id(n);
    if (dice < 90) {
      return client.patch(PATCH_REPLACE, target, path, UserDocs.replace("displayName", "Renamed " + index));
    }
    return client.patch(DEACTIVATE, target, path, UserDocs.replace("active", "False"));
  }
}
