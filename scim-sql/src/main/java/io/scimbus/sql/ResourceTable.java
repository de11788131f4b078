package io.scimbus.sql;

import io.scimbus.core.schema.AttributeType;
import java.util.Map;
import java.util.Set;

/**
 * Where a resource type's attributes live. The main table is always aliased {@code t}. An attribute path (canonical
 * spelling: {@code userName}, {@code meta.created}, {@code urn:...:User:employeeNumber}) found in {@code columns}
 * is read from that column; a top-level attribute in {@code children} from a child table; any other path from the
 * jsonb {@code document} column, where extension attributes sit under their schema URN. Top-level attributes in
 * {@code unfilterable} and not mapped otherwise are refused: the document does not hold them, or they are secret.
 */
public record ResourceTable(String table, String document, Map<String, Column> columns,
    Map<String, ChildTable> children, Set<String> unfilterable) {

  public static final String ALIAS = "t";

  public ResourceTable {
    columns = Map.copyOf(columns);
    children = Map.copyOf(children);
    unfilterable = Set.copyOf(unfilterable);
  }

  /** {@code scim_users}: the document holds neither id nor meta. */
  public static ResourceTable users() {
    return new ResourceTable("scim_users", "resource", Map.of(
        "id", new Column("t.id::text", AttributeType.STRING, true),
        "userName", new Column("t.user_name", AttributeType.STRING, false),
        "externalId", new Column("t.external_id", AttributeType.STRING, true),
        "displayName", new Column("t.display_name", AttributeType.STRING, false),
        "active", new Column("t.active", AttributeType.BOOLEAN, false),
        "meta.created", new Column("t.created", AttributeType.DATE_TIME, false),
        "meta.lastModified", new Column("t.last_modified", AttributeType.DATE_TIME, false),
        "meta.resourceType", new Column("'User'", AttributeType.STRING, true)),
        Map.of(), Set.of("meta", "password"));
  }

  /** {@code scim_groups}, whose members live in {@code scim_group_members} rather than in the document. */
  public static ResourceTable groups() {
    ChildTable members = new ChildTable("scim_group_members", "m",
        "m.tenant_id = t.tenant_id AND m.group_id = t.id", Map.of(
            "value", new Column("m.member_id", AttributeType.STRING, false),
            "type", new Column("m.member_type", AttributeType.STRING, false)));
    return new ResourceTable("scim_groups", "resource", Map.of(
        "id", new Column("t.id::text", AttributeType.STRING, true),
        "displayName", new Column("t.display_name", AttributeType.STRING, false),
        "externalId", new Column("t.external_id", AttributeType.STRING, true),
        "meta.created", new Column("t.created", AttributeType.DATE_TIME, false),
        "meta.lastModified", new Column("t.last_modified", AttributeType.DATE_TIME, false),
        "meta.resourceType", new Column("'Group'", AttributeType.STRING, true)),
        Map.of("members", members), Set.of("meta"));
  }

  /** The jsonb document of {@code t}. */
  String documentSql() {
    return ALIAS + "." + document;
  }
}
