-- Tables FilterBatteryIT runs compiled filters against.

-- scim_users mirrors users-service/src/main/resources/db/users/V001__users.sql (its users_outbox is left out):
-- keep the two in step, the EXPLAIN check relies on the same indexes.
CREATE TABLE scim_users (
  tenant_id     text        NOT NULL,
  id            uuid        NOT NULL,
  user_name     text        NOT NULL,
  external_id   text,
  display_name  text,
  active        boolean,
  resource      jsonb       NOT NULL,
  version       bigint      NOT NULL,
  created       timestamptz NOT NULL,
  last_modified timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- userName is caseExact=false: uniqueness and lookups go through lower()
CREATE UNIQUE INDEX scim_users_user_name ON scim_users (tenant_id, lower(user_name));
CREATE INDEX scim_users_external_id ON scim_users (tenant_id, external_id);

-- No groups migration exists yet: these tables have the shape ResourceTable.groups() compiles against
-- (columns of t, and members as rows of scim_group_members m joined on tenant_id and group_id).
CREATE TABLE scim_groups (
  tenant_id     text        NOT NULL,
  id            uuid        NOT NULL,
  display_name  text        NOT NULL,
  external_id   text,
  resource      jsonb       NOT NULL,
  version       bigint      NOT NULL,
  created       timestamptz NOT NULL,
  last_modified timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE TABLE scim_group_members (
  tenant_id   text NOT NULL,
  group_id    uuid NOT NULL,
  member_id   text NOT NULL,
  member_type text,
  PRIMARY KEY (tenant_id, group_id, member_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES scim_groups (tenant_id, id) ON DELETE CASCADE
);
