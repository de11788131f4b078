package io.scimbus.policy.log;

import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.bus.BusRequest;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters of the provisioning-log endpoint: {@code userId} (a User's id), {@code resourceId} (any resource),
 * {@code userName}, {@code requestId} (a SCIM request and the portal behaviours it caused), {@code since} and
 * {@code until} (ISO-8601 instants, since inclusive, until exclusive). Only
 * fixed column conditions are emitted; request text only ever travels as parameters.
 */
record ProvisioningLogQuery(String userId, String resourceId, String userName, String requestId,
    OffsetDateTime since, OffsetDateTime until) {

  static ProvisioningLogQuery of(BusRequest request) {
    var query = request.query();
    return new ProvisioningLogQuery(query.getString("userId"), query.getString("resourceId"),
        query.getString("userName"), query.getString("requestId"), instant(query.getString("since"), "since"),
        instant(query.getString("until"), "until"));
  }

  /** The WHERE clause; {@code params} already holds the tenant as $1 and receives the filter values. */
  String where(Tuple params) {
    List<String> conditions = new ArrayList<>(List.of("tenant_id = $1"));
    if (userId != null) {
      params.addString(userId);
      conditions.add("resource_type = 'User' AND resource_id = $" + params.size());
    }
    if (resourceId != null) {
      params.addString(resourceId);
      conditions.add("resource_id = $" + params.size());
    }
    if (userName != null) {
      params.addString(userName);
      conditions.add("lower(user_name) = lower($" + params.size() + ")");
    }
    if (requestId != null) {
      params.addString(requestId);
      conditions.add("request_id = $" + params.size());
    }
    if (since != null) {
      params.addValue(since);
      conditions.add("at >= $" + params.size());
    }
    if (until != null) {
      params.addValue(until);
      conditions.add("at < $" + params.size());
    }
    return String.join(" AND ", conditions);
  }

  private static OffsetDateTime instant(String text, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.ofInstant(Instant.parse(text.trim()), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ScimException.invalidValue(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }
}
