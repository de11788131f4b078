CREATE TABLE scim_groups (
  tenant_id     text        NOT NULL,
  id            uuid        NOT NULL,
  display_name  text        NOT NULL,
  external_id   text,
  -- the canonical group without id, meta and members: members live in scim_group_members
  resource      jsonb       NOT NULL,
  version       bigint      NOT NULL,
  created       timestamptz NOT NULL,
  last_modified timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- displayName is not unique in SCIM (RFC 7643 §4.2: uniqueness "none"); this index only serves lookups, which
-- compare case-insensitively because displayName is caseExact=false.
CREATE INDEX scim_groups_display_name ON scim_groups (tenant_id, lower(display_name));
CREATE INDEX scim_groups_external_id ON scim_groups (tenant_id, external_id);

-- One row per membership, so a group of 100,000 members is changed by set operations on rows rather than by
-- rewriting a document. The primary key also serves "members of a group" in member_id order.
CREATE TABLE scim_group_members (
  tenant_id   text NOT NULL,
  group_id    uuid NOT NULL,
  member_id   text NOT NULL,
  member_type text,
  PRIMARY KEY (tenant_id, group_id, member_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES scim_groups (tenant_id, id) ON DELETE CASCADE
);
-- "Groups of a member": members.value is caseExact=false, so the shared filter compiler matches it as
-- lower(m.member_id) = lower($n); the index is on that expression or the planner could not use it.
CREATE INDEX scim_group_members_member ON scim_group_members (tenant_id, lower(member_id));

CREATE TABLE groups_outbox (
  seq        bigserial   PRIMARY KEY,
  topic      text        NOT NULL,
  record_key text        NOT NULL,
  payload    jsonb       NOT NULL,
  created    timestamptz NOT NULL DEFAULT now()
);
