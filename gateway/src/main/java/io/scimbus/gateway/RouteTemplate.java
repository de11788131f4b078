package io.scimbus.gateway;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * The path template of the route that took a request ({@code /scim/v2/:tenant/Users/:id}): bounded and free of ids,
 * for logs and metric labels. It is remembered as routes run, because once a request fails the current route is the
 * failure handler's, which has no path.
 */
final class RouteTemplate {
  static final String UNMATCHED = "unmatched";
  private static final String KEY = "scimbus.routeTemplate";

  private RouteTemplate() {
  }

  /** A handler for the head of a route: remembers its path and goes on. */
  static void remember(RoutingContext rc) {
    Route route = rc.currentRoute();
    if (route != null && route.getPath() != null) {
      rc.put(KEY, route.getPath());
    }
    rc.next();
  }

  /** The remembered template, else the current route's (routes that do not remember theirs, when they succeed). */
  static String of(RoutingContext rc) {
    String remembered = rc.get(KEY);
    if (remembered != null) {
      return remembered;
    }
    Route route = rc.currentRoute();
    return route == null || route.getPath() == null ? UNMATCHED : route.getPath();
  }
}
