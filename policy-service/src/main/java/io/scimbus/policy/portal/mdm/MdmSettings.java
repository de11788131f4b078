package io.scimbus.policy.portal.mdm;

import io.scimbus.core.error.ScimException;
import io.scimbus.policy.portal.SettingsInput;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * MDM Portal behaviours: create an MDM employee when a user is created; on deactivation unassign their devices,
 * move their devices to {@code deactivationPolicyId}, remove the MDM user, or remove the user and their devices.
 */
public record MdmSettings(String onCreate, String onDeactivate, UUID deactivationPolicyId) {
  public static final String CREATE_EMPLOYEE = "create-employee";
  public static final String UNASSIGN_DEVICES = "unassign-devices";
  public static final String CHANGE_DEVICE_POLICY = "change-device-policy";
  public static final String REMOVE_USER = "remove-user";
  public static final String REMOVE_USER_AND_DEVICES = "remove-user-and-devices";
  private static final List<String> ON_CREATE = List.of(SettingsInput.NOTHING, CREATE_EMPLOYEE);
  private static final List<String> ON_DEACTIVATE = List.of(SettingsInput.NOTHING, UNASSIGN_DEVICES,
      CHANGE_DEVICE_POLICY, REMOVE_USER, REMOVE_USER_AND_DEVICES);
  private static final Set<String> FIELDS = Set.of("onCreate", "onDeactivate", "deactivationPolicyId");

  /** The settings as sent; that the policy exists is checked against the tenant's policies by the caller. */
  public static MdmSettings parse(JsonObject body) {
    SettingsInput.knownFields("mdm", body, FIELDS);
    String onDeactivate = SettingsInput.option(body, "onDeactivate", ON_DEACTIVATE);
    Object policy = body.getValue("deactivationPolicyId");
    if (CHANGE_DEVICE_POLICY.equals(onDeactivate) && policy == null) {
      throw ScimException.invalidValue("onDeactivate change-device-policy needs deactivationPolicyId, the id of"
          + " one of the tenant's device policies");
    }
    return new MdmSettings(SettingsInput.option(body, "onCreate", ON_CREATE), onDeactivate,
        policy == null ? null : policyId(policy));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("onCreate", onCreate).put("onDeactivate", onDeactivate);
    return deactivationPolicyId == null ? json : json.put("deactivationPolicyId", deactivationPolicyId.toString());
  }

  public boolean createsEmployees() {
    return CREATE_EMPLOYEE.equals(onCreate);
  }

  private static UUID policyId(Object value) {
    try {
      return UUID.fromString((String) value);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw ScimException.invalidValue("deactivationPolicyId " + value + " is no device policy of this tenant");
    }
  }
}
