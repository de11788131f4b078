package io.scimbus.users;

import io.scimbus.core.patch.PatchEngine;
import io.scimbus.core.profile.ProfileEnforcer;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.resource.ListSql;
import io.scimbus.sql.ResourceTable;

/**
 * Everything about users that depends on the tenant's profile, built once per profile: its User schema (with the
 * tenant's extensions) drives normalising, PATCH, immutability, projection and filter SQL; its rules decide what is
 * kept, required, allowed and unique.
 */
record UserRules(TenantProfile profile, ResourceNormalizer normalizer, PatchEngine patchEngine,
    ImmutableAttributes immutables, ProfileEnforcer enforcer, UserView view, ListSql listSql) {

  static final String COLUMNS =
      "t.id, t.user_name, t.external_id, t.display_name, t.active, t.resource, t.version, t.created, t.last_modified";

  static UserRules of(TenantProfile profile) {
    ResourceSchema schema = profile.userSchema();
    return new UserRules(profile, new ResourceNormalizer(schema), new PatchEngine(schema),
        new ImmutableAttributes(schema), new ProfileEnforcer(schema, profile.users()), new UserView(schema),
        new ListSql(schema, ResourceTable.users(), COLUMNS));
  }
}
