package io.scimbus.policy.portal.dashboard;

import io.scimbus.core.error.ScimException;
import io.scimbus.policy.portal.SettingsInput;
import io.scimbus.policy.roles.Role;
import io.scimbus.policy.roles.RoleSync;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dashboard behaviours: create a collaborator (role from the mapped groups, else {@code defaultRole}, else none) when
 * a user is created, remove it when they are deactivated; {@code roleMapping} maps IdP group displayNames (exactly
 * as spelt) to roles.
 */
public record DashboardSettings(String onCreate, Role defaultRole, String onDeactivate, Map<String, Role> roleMapping,
    RoleSync roleSync) {
  public static final String CREATE_COLLABORATOR = "create-collaborator";
  public static final String REMOVE_COLLABORATOR = "remove-collaborator";
  private static final List<String> ON_CREATE = List.of(SettingsInput.NOTHING, CREATE_COLLABORATOR);
  private static final List<String> ON_DEACTIVATE = List.of(SettingsInput.NOTHING, REMOVE_COLLABORATOR);
  private static final Set<String> FIELDS = Set.of("onCreate", "defaultRole", "onDeactivate", "roleMapping",
      "roleSync");

  public static DashboardSettings parse(JsonObject body) {
    SettingsInput.knownFields("dashboard", body, FIELDS);
    Object defaultRole = body.getValue("defaultRole");
    Object sync = body.getValue("roleSync");
    return new DashboardSettings(SettingsInput.option(body, "onCreate", ON_CREATE),
        defaultRole == null ? null : Role.parse(defaultRole, "defaultRole", Role.DEFAULTS),
        SettingsInput.option(body, "onDeactivate", ON_DEACTIVATE), mapping(body.getValue("roleMapping")),
        sync == null ? RoleSync.FIRST_PROVISIONING : RoleSync.parse(sync));
  }

  public JsonObject toJson() {
    JsonObject mapping = new JsonObject();
    roleMapping.forEach((group, role) -> mapping.put(group, role.label()));
    JsonObject json = new JsonObject().put("onCreate", onCreate);
    if (defaultRole != null) {
      json.put("defaultRole", defaultRole.label());
    }
    return json.put("onDeactivate", onDeactivate).put("roleMapping", mapping).put("roleSync", roleSync.id());
  }

  public boolean createsCollaborators() {
    return CREATE_COLLABORATOR.equals(onCreate);
  }

  public boolean removesCollaborators() {
    return REMOVE_COLLABORATOR.equals(onDeactivate);
  }

  /** The highest role the named groups map to; empty when none is mapped. */
  public Optional<Role> roleOf(Collection<String> groupNames) {
    return Role.highest(groupNames.stream().map(roleMapping::get).filter(role -> role != null).toList());
  }

  private static Map<String, Role> mapping(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject json)) {
      throw ScimException.invalidValue("roleMapping must be an object of group displayName to role");
    }
    Map<String, Role> mapping = new LinkedHashMap<>();
    for (String group : json.fieldNames()) {
      if (group.isBlank()) {
        throw ScimException.invalidValue("roleMapping group names must not be empty");
      }
      mapping.put(group, Role.parse(json.getValue(group), "roleMapping." + group, Arrays.asList(Role.values())));
    }
    return Map.copyOf(mapping);
  }
}
