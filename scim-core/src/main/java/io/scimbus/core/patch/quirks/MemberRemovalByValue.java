package io.scimbus.core.patch.quirks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entra ID (without the {@code aadOptscim062020} flag) removes group members with a value list instead of a filter:
 * <pre>{"op":"Remove","path":"members","value":[{"value":"f648f8d5-ea3e-4ff8-b9d6-fe9c3b3a7f5f"}]}</pre>
 * Read literally (RFC 7644 §3.5.2.2 ignores {@code value} for remove) this would drop every member of the group,
 * so a remove that carries values removes only the elements whose {@code value} is listed.
 */
public final class MemberRemovalByValue {
  private MemberRemovalByValue() {
  }

  public static boolean appliesTo(Object operationValue) {
    return operationValue instanceof List<?> list && !list.isEmpty()
        || operationValue instanceof Map<?, ?>;
  }

  /** The members to remove: Entra sends one as an object, several as an array. */
  public static List<Object> listed(Object operationValue) {
    return operationValue instanceof List<?> list ? new ArrayList<>(list) : List.of(operationValue);
  }

  /** The elements left once those whose {@code value} matches one of {@code operationValue} are removed. */
  public static List<Object> remaining(List<Object> elements, Object operationValue) {
    List<Object> ids = new ArrayList<>();
    for (Object item : listed(operationValue)) {
      ids.add(item instanceof Map<?, ?> m ? m.get("value") : item);
    }
    List<Object> kept = new ArrayList<>();
    for (Object element : elements) {
      Object id = element instanceof Map<?, ?> m ? m.get("value") : element;
      if (ids.stream().noneMatch(doomedId -> Objects.equals(String.valueOf(doomedId), String.valueOf(id)))) {
        kept.add(element);
      }
    }
    return kept;
  }
}
