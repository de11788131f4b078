package io.scimbus.groups;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.patch.PatchEngine;
import io.scimbus.core.patch.PatchRequest;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.resource.ListResponse;
import io.scimbus.resource.ListSql;
import io.scimbus.resource.Preconditions;
import io.scimbus.resource.Representation;
import io.scimbus.resource.ResourceEvents;
import io.scimbus.resource.ResourceIds;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.scimbus.runtime.store.ListQuery;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Groups: each write stores the group, its memberships and its event in one transaction.
 *
 * <p>Members live as rows of scim_group_members, never in the group document, so that groups of 100,000+ members
 * stay cheap: writes change them with set operations ({@link MemberRepository}) without reading them, and reads load
 * them only when the response shows them ({@code excludedAttributes=members}, as Entra sends, skips the query).
 *
 * <p>Member values are accepted as any non-empty string: they are not checked against existing users, because
 * scim_users belongs to users-service and another service's table is not ours to query. A member's type and
 * {@code $ref} are derived from its id ({@link MemberTypes}).
 *
 * <p>PATCH answers 204 No Content with the new ETag, as RFC 7644 §3.5.2 allows and Entra and Okta accept: echoing
 * a group of 100,000 members after every membership batch would cost more than the change itself. A client that
 * wants the result names {@code attributes} or {@code excludedAttributes} and gets 200 with that projection.
 *
 * <p>A write that changes nothing (adding a member again, removing a non-member, a PUT of the same group) keeps the
 * version and emits no event; every real change bumps the version and emits exactly one event ({@link GroupEvents}).
 * Every write runs in one transaction bounded by the request's deadline.
 */
final class GroupService {
  static final String RESOURCE_TYPE = "Group";
  static final String ENDPOINT = "/Groups";
  static final String MEMBERS = "members";

  private final Database db;
  private final ResourceEvents outbox;
  private final GroupRepository groups = new GroupRepository();
  private final MemberRepository members = new MemberRepository();
  private final ResourceNormalizer normalizer;
  private final PatchEngine patchEngine;
  private final MemberValues memberValues;
  private final MemberPatch memberPatch;
  private final GroupRepresentation representation;
  private final GroupEvents events;

  GroupService(Database db, ResourceEvents outbox) {
    ResourceSchema schema = ResourceSchema.groups();
    this.db = db;
    this.outbox = outbox;
    this.normalizer = new ResourceNormalizer(schema);
    this.patchEngine = new PatchEngine(schema);
    this.memberValues = new MemberValues(schema);
    this.memberPatch = new MemberPatch(schema, memberValues);
    this.representation = new GroupRepresentation(schema);
    this.events = new GroupEvents(representation);
  }

  Future<ScimReply> create(BusRequest request) {
    Map<String, Object> canonical = normalizer.normalize(PlainJson.map(request.body()));
    List<Member> initial = memberValues.parse(canonical.remove(MEMBERS));
    OffsetDateTime now = Representation.now();
    StoredGroup group = StoredGroup.fromResource(UUID.randomUUID(), new JsonObject(canonical), 1, now, now);
    MemberChanges changes = new MemberChanges();
    return db.transaction(request.deadline(), tx -> members.typed(tx, request.tenant(), initial)
            .compose(typed -> groups.insert(tx, request.tenant(), group)
                .compose(v -> members.add(tx, request.tenant(), group.id(), typed))
                .compose(added -> {
                  changes.added(added);
                  return outbox.add(tx, events.of(EventTypes.GROUP_CREATED, request, group, changes));
                })
                .map(typed)))
        .onSuccess(v -> outbox.committed())
        .map(typed -> ScimReply.created(represent(request, group, typed), Representation.etag(group.version())));
  }

  Future<ScimReply> get(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), RESOURCE_TYPE);
    return db.snapshot(request.deadline(), tx -> groups.find(tx, request.tenant(), id).compose(found -> {
      StoredGroup group = found.orElseThrow(() -> ResourceIds.notFound(RESOURCE_TYPE, request.id()));
      if (Preconditions.notModified(request.ifNoneMatch(), group.version())) {
        return Future.succeededFuture(new ScimReply(304, null, Representation.etag(group.version())));
      }
      return membersToShow(tx, request, group).map(shown ->
          ScimReply.ok(represent(request, group, shown), Representation.etag(group.version())));
    }));
  }

  /**
   * {@code GET /Groups} (query parameters) and {@code POST /Groups/.search} (a SearchRequest body); the count and the
   * page are read in one snapshot, and compiled before it begins.
   */
  Future<ScimReply> list(BusRequest request) {
    ListQuery query = ListResponse.query(request);
    boolean withMembers = representation.showsMembers(query.attributes(), query.excludedAttributes());
    ListSql.Statement count = groups.list().count(request.tenant(), query);
    ListSql.Statement page = groups.list().page(request.tenant(), query);
    return db.snapshot(request.deadline(), tx -> groups.count(tx, count).compose(total -> {
      if (ListResponse.pageIsEmpty(total, query)) {
        return Future.succeededFuture(ScimReply.ok(ListResponse.of(total, query, List.of()), null));
      }
      return groups.page(tx, page).compose(found -> (withMembers
              ? members.ofGroups(tx, request.tenant(), found.stream().map(StoredGroup::id).toList())
              : Future.succeededFuture(Map.<UUID, List<Member>>of()))
          .map(pageMembers -> {
            List<JsonObject> resources = new ArrayList<>();
            for (StoredGroup group : found) {
              resources.add(representation.of(group, pageMembers.getOrDefault(group.id(), List.of()),
                  request.baseUrl(), query.attributes(), query.excludedAttributes()));
            }
            return ScimReply.ok(ListResponse.of(total, query, resources), null);
          }));
    }));
  }

  /** PUT: the body replaces the group, its member set included (no {@code members} leaves the group empty). */
  Future<ScimReply> replace(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), RESOURCE_TYPE);
    Map<String, Object> canonical = normalizer.normalize(PlainJson.map(request.body()));
    List<Member> replacement = memberValues.parse(canonical.remove(MEMBERS));
    JsonObject resource = new JsonObject(canonical);
    return db.transaction(request.deadline(), tx -> lockForWrite(tx, request, id).compose(current -> {
          MemberChanges changes = new MemberChanges();
          return members.typed(tx, request.tenant(), replacement)
              .compose(typed -> members.replace(tx, request.tenant(), id, typed, changes)
                  .compose(v -> commit(tx, request, current, resource, changes))
                  .map(group -> ScimReply.ok(represent(request, group, typed), Representation.etag(group.version()))));
        }))
        .onSuccess(v -> outbox.committed());
  }

  Future<ScimReply> patch(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), RESOURCE_TYPE);
    MemberPatch.Split split = memberPatch.split(PatchRequest.parse(PlainJson.map(request.body())));
    boolean echo = !GroupRepresentation.isBlank(request.query().getString("attributes"))
        || !GroupRepresentation.isBlank(request.query().getString("excludedAttributes"));
    return db.transaction(request.deadline(), tx -> lockForWrite(tx, request, id).compose(current -> {
          JsonObject resource = split.document().map(document -> patchDocument(current, document))
              .orElse(current.resource());
          MemberChanges changes = new MemberChanges();
          Future<Void> chain = Future.succeededFuture();
          for (MemberOperation operation : split.members()) {
            chain = chain.compose(v -> operation.apply(members, tx, request.tenant(), id, changes));
          }
          return chain.compose(v -> commit(tx, request, current, resource, changes))
              .compose(group -> echo ? membersToShow(tx, request, group).map(shown -> ScimReply.ok(
                  represent(request, group, shown), Representation.etag(group.version())))
                  : Future.succeededFuture(new ScimReply(204, null, Representation.etag(group.version()))));
        }))
        .onSuccess(v -> outbox.committed());
  }

  Future<ScimReply> delete(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), RESOURCE_TYPE);
    return db.transaction(request.deadline(), tx -> lockForWrite(tx, request, id)
            .compose(current -> groups.delete(tx, request.tenant(), id)
                .compose(v -> outbox.add(tx, events.of(EventTypes.GROUP_DELETED, request, current,
                    new MemberChanges())))))
        .onSuccess(v -> outbox.committed())
        .map(v -> ScimReply.noContent());
  }

  /** The group, locked for this transaction; 404 when absent, 412 when If-Match names another version. */
  private Future<StoredGroup> lockForWrite(SqlConnection tx, BusRequest request, UUID id) {
    return Preconditions.writable(groups.lock(tx, request.tenant(), id), request, RESOURCE_TYPE, StoredGroup::version);
  }

  /** Stores the next version and its event when the document or the membership changed; else keeps {@code current}. */
  private Future<StoredGroup> commit(SqlClient tx, BusRequest request, StoredGroup current, JsonObject resource,
      MemberChanges changes) {
    if (changes.isEmpty() && PlainJson.map(resource).equals(PlainJson.map(current.resource()))) {
      return Future.succeededFuture(current);
    }
    StoredGroup next = current.next(resource, Representation.now());
    return groups.update(tx, request.tenant(), next)
        .compose(v -> outbox.add(tx, events.of(EventTypes.GROUP_UPDATED, request, next, changes)))
        .map(next);
  }

  /**
   * PatchEngine on the stored document. The engine sees the group's id because Okta echoes it in path-less
   * replaces and an unchanged readOnly value is allowed; it is not stored in the document.
   */
  private JsonObject patchDocument(StoredGroup current, PatchRequest document) {
    Map<String, Object> working = PlainJson.map(current.resource());
    working.put("id", current.id().toString());
    Map<String, Object> patched = patchEngine.apply(working, document);
    patched.remove("id");
    return new JsonObject(patched);
  }

  private Future<List<Member>> membersToShow(SqlClient client, BusRequest request, StoredGroup group) {
    return representation.showsMembers(request.query().getString("attributes"),
        request.query().getString("excludedAttributes"))
        ? members.ofGroup(client, request.tenant(), group.id()) : Future.succeededFuture(List.of());
  }

  private JsonObject represent(BusRequest request, StoredGroup group, List<Member> shown) {
    return representation.of(group, shown, request.baseUrl(), request.query().getString("attributes"),
        request.query().getString("excludedAttributes"));
  }
}
