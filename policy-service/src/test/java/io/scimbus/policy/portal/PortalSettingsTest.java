package io.scimbus.policy.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Settings documents: defaults are "nothing", options are spelt exactly, anything else is 400 invalidValue. */
class PortalSettingsTest {

  @Test
  void anEmptyDocumentChoosesNothingEverywhere() {
    assertEquals(new JsonObject().put("onCreate", "nothing").put("onDeactivate", "nothing"),
        PortalSettings.normalise(Portal.STORE, new JsonObject()));
    assertEquals(new JsonObject().put("onCreate", "nothing").put("onDeactivate", "nothing")
            .put("roleMapping", new JsonObject()).put("roleSync", "first-provisioning"),
        PortalSettings.normalise(Portal.DASHBOARD, new JsonObject()));
    assertEquals(new JsonObject().put("onCreate", "nothing").put("onDeactivate", "nothing"),
        PortalSettings.normalise(Portal.MDM, new JsonObject()));
  }

  @Test
  void everyOptionOfTheIssueIsAccepted() {
    for (String option : new String[] {"nothing", "unassign-devices", "remove-user", "remove-user-and-devices"}) {
      assertEquals(option, PortalSettings.normalise(Portal.MDM, new JsonObject().put("onDeactivate", option))
          .getString("onDeactivate"));
    }
    JsonObject policy = new JsonObject().put("onCreate", "create-employee").put("onDeactivate", "change-device-policy")
        .put("deactivationPolicyId", "6f1c1d1e-0000-4000-8000-000000000001");
    assertEquals(policy, PortalSettings.normalise(Portal.MDM, policy));
    for (String role : new String[] {"Admin", "Developer/Editor", "Viewer"}) {
      assertEquals(role, PortalSettings.normalise(Portal.DASHBOARD, new JsonObject().put("defaultRole", role))
          .getString("defaultRole"));
    }
  }

  @Test
  void anythingElseIsInvalidValue() {
    refused(Portal.STORE, new JsonObject().put("onCreate", "Create-Employee"));
    refused(Portal.STORE, new JsonObject().put("onCreate", 1));
    refused(Portal.STORE, new JsonObject().put("extra", "nothing"));
    refused(Portal.DASHBOARD, new JsonObject().put("defaultRole", "Unassigned"));
    refused(Portal.DASHBOARD, new JsonObject().put("roleMapping", "portal-admin"));
    refused(Portal.DASHBOARD, new JsonObject().put("roleMapping", new JsonObject().put("g", "admin")));
    refused(Portal.DASHBOARD, new JsonObject().put("roleSync", "Continuous"));
    refused(Portal.MDM, new JsonObject().put("onDeactivate", "change-device-policy"));
    refused(Portal.MDM, new JsonObject().put("onDeactivate", "change-device-policy")
        .put("deactivationPolicyId", "not-an-id"));
  }

  private static void refused(Portal portal, JsonObject settings) {
    ScimException refused = assertThrows(ScimException.class, () -> PortalSettings.normalise(portal, settings));
    assertEquals(400, refused.status(), settings.encode());
    assertEquals("invalidValue", refused.scimType(), settings.encode());
  }
}
