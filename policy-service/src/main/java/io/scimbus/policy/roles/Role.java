package io.scimbus.policy.roles;

import io.scimbus.core.error.ScimException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Dashboard roles, in privilege order: when a user's groups map to several, the highest wins. */
public enum Role {
  UNASSIGNED("Unassigned"),
  VIEWER("Viewer"),
  EDITOR("Developer/Editor"),
  ADMIN("Admin");

  /** What a tenant may choose as the dashboard's default role. */
  public static final List<Role> DEFAULTS = List.of(ADMIN, EDITOR, VIEWER);

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The role named exactly {@code label}; 400 naming {@code field} and the choices otherwise. */
  public static Role parse(Object label, String field, List<Role> allowed) {
    for (Role role : allowed) {
      if (role.label.equals(label)) {
        return role;
      }
    }
    throw ScimException.invalidValue(field + " must be one of " + labels(allowed) + ", got " + label);
  }

  /** A stored label; null stays null. */
  public static Role ofLabel(String label) {
    return label == null ? null : parse(label, "role", Arrays.asList(values()));
  }

  public static Optional<Role> highest(Collection<Role> roles) {
    return roles.stream().max(Comparator.naturalOrder());
  }

  public static String labels(List<Role> roles) {
    return String.join(", ", roles.stream().map(Role::label).toList());
  }
}
