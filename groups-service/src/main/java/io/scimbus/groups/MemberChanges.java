package io.scimbus.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The member ids a write actually added and removed, as PostgreSQL reported them ({@code RETURNING}); an id added
 * then removed within one request cancels out. Empty means the membership did not change.
 */
final class MemberChanges {
  private final Set<String> added = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();

  void added(List<String> ids) {
    for (String id : ids) {
      if (!removed.remove(id)) {
        added.add(id);
      }
    }
  }

  void removed(List<String> ids) {
    for (String id : ids) {
      if (!added.remove(id)) {
        removed.add(id);
      }
    }
  }

  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }

  List<String> added() {
    return new ArrayList<>(added);
  }

  List<String> removed() {
    return new ArrayList<>(removed);
  }
}
