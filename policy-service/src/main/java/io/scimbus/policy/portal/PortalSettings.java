package io.scimbus.policy.portal;

import io.scimbus.policy.portal.dashboard.DashboardSettings;
import io.scimbus.policy.portal.mdm.MdmSettings;
import io.scimbus.policy.portal.store.StoreSettings;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A tenant's behaviours of all three portals; a portal never configured does nothing. */
public record PortalSettings(StoreSettings store, DashboardSettings dashboard, MdmSettings mdm) {

  /** From the stored documents by portal id; a missing one is the default. */
  public static PortalSettings of(Map<String, JsonObject> stored) {
    return new PortalSettings(
        StoreSettings.parse(stored.getOrDefault(Portal.STORE.id(), new JsonObject())),
        DashboardSettings.parse(stored.getOrDefault(Portal.DASHBOARD.id(), new JsonObject())),
        MdmSettings.parse(stored.getOrDefault(Portal.MDM.id(), new JsonObject())));
  }

  /** The normalised document of {@code portal} from what an operator sent; 400 when it is not valid. */
  public static JsonObject normalise(Portal portal, JsonObject body) {
    return switch (portal) {
      case STORE -> StoreSettings.parse(body).toJson();
      case DASHBOARD -> DashboardSettings.parse(body).toJson();
      case MDM -> MdmSettings.parse(body).toJson();
    };
  }
}
