package io.scimbus.gateway;

import io.scimbus.contract.BusAddresses;
import java.util.Map;

/** The SCIM resource endpoints and the service address that owns each; HTTP routes and bulk operations share it. */
final class ResourceEndpoints {
  static final Map<String, String> ADDRESSES = Map.of(
      "/Users", BusAddresses.USERS,
      "/Groups", BusAddresses.GROUPS);

  private ResourceEndpoints() {
  }
}
