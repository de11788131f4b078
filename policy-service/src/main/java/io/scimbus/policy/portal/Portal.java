package io.scimbus.policy.portal;

import io.scimbus.core.error.ScimException;

/** The three portals a tenant configures behaviours for, by the name the admin API uses. */
public enum Portal {
  STORE("store"),
  DASHBOARD("dashboard"),
  MDM("mdm");

  private final String id;

  Portal(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The portal named in a URL; an unknown name is no resource (404). */
  public static Portal named(String id) {
    for (Portal portal : values()) {
      if (portal.id.equals(id)) {
        return portal;
      }
    }
    throw ScimException.notFound("no portal " + id + "; portals: store, dashboard, mdm");
  }
}
