package io.scimbus.groups;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.ComparisonOperator;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.filter.PatchPath;
import io.scimbus.core.filter.PathParser;
import io.scimbus.core.patch.PatchOp;
import io.scimbus.core.patch.PatchOperation;
import io.scimbus.core.patch.PatchRequest;
import io.scimbus.core.patch.quirks.MemberRemovalByValue;
import io.scimbus.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a group PATCH into {@link MemberOperation}s, which run as SQL set operations on scim_group_members, and a
 * PatchOp for everything else, which {@code PatchEngine} applies to the stored document (it never holds members).
 * Member operations keep their request order; they touch nothing the document operations touch.
 *
 * <p>Accepted member targets:
 * <ul>
 *   <li>{@code add} / {@code replace} with path {@code members}, or path-less (or with the bare Group URN as path)
 *       with a {@code members} key in the value, as Okta sends
 *       {@code {"op":"replace","value":{"members":[{"value":"id"}]}}};</li>
 *   <li>{@code remove} with path {@code members} and no value: every member;</li>
 *   <li>{@code remove} with path {@code members} and a value list: only those (Entra, see
 *       {@link MemberRemovalByValue});</li>
 *   <li>{@code remove} with path {@code members[value eq "id"]}, or several such comparisons joined by {@code or}.</li>
 * </ul>
 * Any other member path ({@code members[type eq "User"]}, {@code members.value}, {@code members[...].display}) is
 * 400 {@code invalidPath}: a filter on other sub-attributes would select members by data we only partly store,
 * and no IdP sends one.
 */
final class MemberPatch {
  private final ResourceSchema schema;
  private final MemberValues values;

  /** The two halves of a PATCH; {@code document} is empty when every operation was on members. */
  record Split(List<MemberOperation> members, Optional<PatchRequest> document) {
  }

  MemberPatch(ResourceSchema schema, MemberValues values) {
    this.schema = schema;
    this.values = values;
  }

  Split split(PatchRequest request) {
    List<MemberOperation> members = new ArrayList<>();
    List<PatchOperation> document = new ArrayList<>();
    for (PatchOperation operation : request.operations()) {
      PatchPath path = operation.path() == null ? null : PathParser.parse(operation.path(), schema);
      if (path == null || isCoreUrn(path)) {
        splitObject(operation, members, document);
      } else if (!path.isSchemaOnly() && isMembers(path.attribute())) {
        members.add(memberOperation(operation, path));
      } else {
        document.add(operation);
      }
    }
    values.checkPerRequest(members.stream().mapToInt(MemberOperation::size).sum());
    return new Split(members, document.isEmpty() ? Optional.empty() : Optional.of(PatchRequest.of(document)));
  }

  /** A path-less add or replace: its {@code members} key becomes a member operation, the rest stays one op. */
  private void splitObject(PatchOperation operation, List<MemberOperation> members, List<PatchOperation> document) {
    if (operation.op() == PatchOp.REMOVE || !(operation.value() instanceof Map<?, ?> value)) {
      document.add(operation);
      return;
    }
    Map<Object, Object> rest = new LinkedHashMap<>(value);
    for (Map.Entry<?, ?> entry : value.entrySet()) {
      if (isMembersKey(String.valueOf(entry.getKey()))) {
        rest.remove(entry.getKey());
        members.add(addOrReplace(operation.op(), entry.getValue()));
      }
    }
    if (!rest.isEmpty()) {
      document.add(new PatchOperation(operation.op(), operation.path(), rest));
    }
  }

  private MemberOperation memberOperation(PatchOperation operation, PatchPath path) {
    if (path.attribute().subAttribute() != null || path.subAttribute() != null) {
      throw unsupported(operation.path());
    }
    if (path.valueFilter() != null) {
      if (operation.op() != PatchOp.REMOVE) {
        throw ScimException.invalidPath(operation.op().wireName() + " cannot target " + operation.path()
            + "; use path \"members\" with the members to " + operation.op().wireName());
      }
      List<String> ids = new ArrayList<>();
      collectValueIds(path.valueFilter(), operation.path(), ids);
      return new MemberOperation.Remove(ids);
    }
    if (operation.op() == PatchOp.REMOVE) {
      return MemberRemovalByValue.appliesTo(operation.value())
          ? new MemberOperation.Remove(values.ids(MemberRemovalByValue.listed(operation.value())))
          : new MemberOperation.RemoveAll();
    }
    return addOrReplace(operation.op(), operation.value());
  }

  private MemberOperation addOrReplace(PatchOp op, Object value) {
    return op == PatchOp.ADD ? new MemberOperation.Add(values.parse(value))
        : new MemberOperation.Replace(values.parse(value));
  }

  /** {@code value eq "a"}, or {@code value eq "a" or value eq "b"}; anything else is refused. */
  private static void collectValueIds(Filter filter, String path, List<String> ids) {
    if (filter instanceof Filter.Or or) {
      collectValueIds(or.left(), path, ids);
      collectValueIds(or.right(), path, ids);
    } else if (filter instanceof Filter.Comparison comparison && comparison.operator() == ComparisonOperator.EQ
        && "value".equalsIgnoreCase(comparison.path().attribute()) && comparison.path().subAttribute() == null
        && comparison.value() instanceof String id) {
      ids.add(id);
    } else {
      throw unsupported(path);
    }
  }

  private static ScimException unsupported(String path) {
    return ScimException.invalidPath("unsupported member path " + path
        + "; supported: members, and members[value eq \"id\"] for remove");
  }

  private boolean isCoreUrn(PatchPath path) {
    return path.isSchemaOnly() && schema.core().id().equalsIgnoreCase(path.schemaOnlyUrn());
  }

  private boolean isMembers(AttributePath attribute) {
    return GroupService.MEMBERS.equalsIgnoreCase(attribute.attribute())
        && (attribute.schemaUrn() == null || schema.core().id().equalsIgnoreCase(attribute.schemaUrn()));
  }

  private boolean isMembersKey(String key) {
    return GroupService.MEMBERS.equalsIgnoreCase(key)
        || (schema.core().id() + ":" + GroupService.MEMBERS).equalsIgnoreCase(key);
  }
}
