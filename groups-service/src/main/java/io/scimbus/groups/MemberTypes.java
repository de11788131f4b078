package io.scimbus.groups;

import io.scimbus.core.error.ScimException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A member's {@code type}, and with it its {@code $ref}, follows from what its id is: the id of a group of the
 * tenant is a {@code Group}, any other id a {@code User} (users belong to users-service, so they cannot be looked
 * up here; group ids can). A client's {@code type} that contradicts this is refused rather than stored, since it
 * would give a {@code $ref} to a resource that does not exist.
 */
final class MemberTypes {
  static final String USER = "User";
  static final String GROUP = "Group";

  private MemberTypes() {
  }

  /** The canonical spelling of a client's type (case-insensitive, RFC 7643 §4.2); null when absent. */
  static String canonical(Object type, String id) {
    if (type == null) {
      return null;
    }
    String text = String.valueOf(type);
    if (USER.equalsIgnoreCase(text)) {
      return USER;
    }
    if (GROUP.equalsIgnoreCase(text)) {
      return GROUP;
    }
    throw ScimException.invalidValue("members.type of member " + id + " must be User or Group");
  }

  /** The member ids that can name a group at all: group ids are UUIDs. */
  static List<UUID> candidates(List<Member> members) {
    List<UUID> ids = new ArrayList<>();
    for (Member member : members) {
      uuid(member.value()).ifPresent(ids::add);
    }
    return ids;
  }

  /** Every member with its derived type; {@code groups} are the candidates that are groups of the tenant. */
  static List<Member> derive(List<Member> members, Set<UUID> groups) {
    List<Member> typed = new ArrayList<>(members.size());
    for (Member member : members) {
      String type = uuid(member.value()).filter(groups::contains).isPresent() ? GROUP : USER;
      if (member.type() != null && !member.type().equals(type)) {
        throw ScimException.invalidValue("member " + member.value() + " has type " + member.type() + " but "
            + (GROUP.equals(type) ? "is a group of this tenant" : "is no group of this tenant") + "; omit type and "
            + "it is derived from the id");
      }
      typed.add(new Member(member.value(), type));
    }
    return typed;
  }

  private static Optional<UUID> uuid(String id) {
    if (id.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
