package io.scimbus.gateway;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/** The path template of the route that answered ({@code /scim/v2/:tenant/Users/:id}): bounded, free of ids. */
final class RouteTemplate {
  static final String UNMATCHED = "unmatched";

  private RouteTemplate() {
  }

  static String of(RoutingContext rc) {
    Route route = rc.currentRoute();
    return route == null || route.getPath() == null ? UNMATCHED : route.getPath();
  }
}
