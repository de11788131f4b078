package io.scimbus.groups;

import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.runtime.bus.BusRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Provisioning events of groups. The data is the group's representation without its member list, plus what a write
 * changed in the membership: {@code membersAddedCount} / {@code membersRemovedCount} and, up to
 * {@link #MAX_MEMBER_IDS} ids in all, the {@code membersAdded} / {@code membersRemoved} id arrays. So an event of a
 * 10,000-member PATCH stays well under Kafka's default 1 MB record limit, and a larger change (replacing 100,000
 * members) carries counts only: its consumers read the group to learn the new membership.
 */
final class GroupEvents {
  static final int MAX_MEMBER_IDS = 10_000;

  private final GroupRepresentation representation;

  GroupEvents(GroupRepresentation representation) {
    this.representation = representation;
  }

  ProvisioningEvent of(String type, BusRequest request, StoredGroup group, MemberChanges changes) {
    JsonObject data = representation.of(group, List.of(), request.baseUrl());
    if (!changes.isEmpty()) {
      List<String> added = changes.added();
      List<String> removed = changes.removed();
      data.put("membersAddedCount", added.size()).put("membersRemovedCount", removed.size());
      if (added.size() + removed.size() <= MAX_MEMBER_IDS) {
        data.put("membersAdded", new JsonArray(added)).put("membersRemoved", new JsonArray(removed));
      }
    }
    return ProvisioningEvent.of(type, request.tenant(), GroupService.RESOURCE_TYPE, group.id().toString(),
        group.version(), request.requestId(), data);
  }
}
