package io.scimbus.bench.workload;

import io.scimbus.bench.Response;
import io.scimbus.bench.ScimClient;
import io.scimbus.bench.Target;
import io.vertx.core.Future;

/** What an IdP does per user in an initial cycle: look the userName up, expect nothing, create the user. */
final class UserSync {
  static final String LOOKUP = "GET /Users?filter=userName eq (absent)";
  static final String CREATE = "POST /Users";

  private UserSync() {
  }

  /** The created id, or null when the create failed (the failure is already recorded). */
  static Future<String> sync(ScimClient client, Target target, String userName, String externalId) {
    return client.get(LOOKUP, target, ScimClient.filtered("/Users", "userName eq \"" + userName + "\""))
        .compose(lookup -> alreadyThere(lookup) ? Future.succeededFuture((String) null)
            : client.post(CREATE, target, "/Users", UserDocs.user(userName, externalId))
                .map(created -> created.ok() ? created.json().getString("id") : null));
  }

  /**
   * A failed lookup still goes on to the create so the create is measured; the lookup's failure is in the
   * report. A user the server already holds is not created again.
   */
  private static boolean alreadyThere(Response lookup) {
    return lookup.ok() && lookup.json().getInteger("totalResults", 0) > 0;
  }
}
