package io.scimbus.groups;

import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.resource.TenantProfiles;
import io.scimbus.runtime.bus.ActionRouter;
import io.vertx.core.Future;

/**
 * Refuses every group request of a tenant whose profile turns groups off (the minimal-users preset). 403 rather
 * than 404: the IdP must learn that the endpoint is off, not that a group is missing and should be created.
 */
final class GroupsEnabledGuard {
  private final TenantProfiles<TenantProfile> profiles;

  GroupsEnabledGuard(TenantProfiles<TenantProfile> profiles) {
    this.profiles = profiles;
  }

  ActionRouter.Action guard(ActionRouter.Action action) {
    return request -> profiles.of(request.tenant(), request.requestId()).compose(profile -> {
      if (!profile.groups().enabled()) {
        return Future.<ScimReply>failedFuture(ScimException.forbidden("group provisioning is turned off for this"
            + " tenant (profile " + profile.name() + "); turn off group provisioning in the identity provider"));
      }
      return action.handle(request);
    });
  }
}
