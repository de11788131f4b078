package io.scimbus.policy.portal.store;

import io.scimbus.policy.portal.SettingsInput;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** Enterprise Store behaviours: create an employee when a user is created, remove it when they are deactivated. */
public record StoreSettings(String onCreate, String onDeactivate) {
  public static final String CREATE_EMPLOYEE = "create-employee";
  public static final String REMOVE_EMPLOYEE = "remove-employee";
  private static final List<String> ON_CREATE = List.of(SettingsInput.NOTHING, CREATE_EMPLOYEE);
  private static final List<String> ON_DEACTIVATE = List.of(SettingsInput.NOTHING, REMOVE_EMPLOYEE);
  private static final Set<String> FIELDS = Set.of("onCreate", "onDeactivate");

  public static StoreSettings parse(JsonObject body) {
    SettingsInput.knownFields("store", body, FIELDS);
    return new StoreSettings(SettingsInput.option(body, "onCreate", ON_CREATE),
        SettingsInput.option(body, "onDeactivate", ON_DEACTIVATE));
  }

  public JsonObject toJson() {
    return new JsonObject().put("onCreate", onCreate).put("onDeactivate", onDeactivate);
  }

  public boolean createsEmployees() {
    return CREATE_EMPLOYEE.equals(onCreate);
  }

  public boolean removesEmployees() {
    return REMOVE_EMPLOYEE.equals(onDeactivate);
  }
}
