package io.scimbus.core.profile;

import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import java.util.List;

/**
 * A tenant's provisioning profile: rules per resource type and the extension schemas the tenant declares for
 * Users. The same document is stored per tenant, served by the admin API and shipped as named presets.
 */
public record TenantProfile(String name, String description, ResourceRules users, ResourceRules groups,
    List<Schema> userExtensions) {

  public TenantProfile {
    userExtensions = List.copyOf(userExtensions);
  }

  /** Every attribute, groups on, no extensions beyond RFC 7643: what a tenant gets until an operator chooses. */
  public static TenantProfile standard() {
    return new TenantProfile("standard", "RFC 7643 User (with the enterprise extension) and Group, no restrictions",
        ResourceRules.OPEN, ResourceRules.OPEN, List.of());
  }

  /** The User resource type of this tenant: core User, the enterprise extension and the tenant's extensions. */
  public ResourceSchema userSchema() {
    return userExtensions.isEmpty() ? ResourceSchema.users() : ResourceSchema.users().withExtensions(userExtensions);
  }

  public ResourceSchema groupSchema() {
    return ResourceSchema.groups();
  }
}
