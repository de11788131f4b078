-- Portal behaviours: one settings document per tenant and portal (store, dashboard, mdm). No row means every
-- behaviour of that portal is "nothing".
CREATE TABLE portal_settings (
  tenant_id  text        NOT NULL,
  portal     text        NOT NULL,
  settings   jsonb       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, portal)
);

-- Enterprise Store employees (portal 'store') and MDM employees (portal 'mdm'), one per user and portal.
CREATE TABLE portal_employees (
  tenant_id       text        NOT NULL,
  portal          text        NOT NULL,
  user_id         text        NOT NULL,
  user_name       text,
  web_access_role text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, portal, user_id)
);

-- Dashboard collaborators. role_source says who set the role: 'default' (no mapped group yet: the default role or
-- none), 'groups' (the user's mapped groups) or 'admin' (set by hand; continuous sync never overrides it).
CREATE TABLE portal_collaborators (
  tenant_id       text        NOT NULL,
  user_id         text        NOT NULL,
  user_name       text,
  web_access_role text,
  role            text,
  role_source     text        NOT NULL,
  version         bigint      NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE device_policies (
  tenant_id  text        NOT NULL,
  id         uuid        NOT NULL,
  name       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- A device's policy must exist while a device uses it; the assigned user is a users-service id, unchecked here.
CREATE TABLE devices (
  tenant_id        text        NOT NULL,
  id               uuid        NOT NULL,
  name             text        NOT NULL,
  serial           text        NOT NULL,
  assigned_user_id text,
  policy_id        uuid,
  version          bigint      NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, serial),
  FOREIGN KEY (tenant_id, policy_id) REFERENCES device_policies (tenant_id, id)
);
CREATE INDEX devices_assigned_user ON devices (tenant_id, assigned_user_id);

-- Group names and memberships as the group events told them, so role mapping never asks groups-service.
CREATE TABLE portal_groups (
  tenant_id    text NOT NULL,
  group_id     text NOT NULL,
  display_name text NOT NULL,
  PRIMARY KEY (tenant_id, group_id)
);
CREATE TABLE portal_group_members (
  tenant_id text NOT NULL,
  group_id  text NOT NULL,
  user_id   text NOT NULL,
  PRIMARY KEY (tenant_id, group_id, user_id)
);
CREATE INDEX portal_group_members_user ON portal_group_members (tenant_id, user_id);

-- The processed-event log of the behaviours' consumer: a redelivered user or group event has no second effect.
CREATE TABLE portal_processed_events (
  event_id     uuid        PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);

-- Events of the behaviours (employee.created, device.unassigned, ...), written with their effect; the relay
-- publishes them to Kafka.
CREATE TABLE policy_outbox (
  seq             bigserial   PRIMARY KEY,
  topic           text        NOT NULL,
  record_key      text        NOT NULL,
  payload         jsonb       NOT NULL,
  created         timestamptz NOT NULL DEFAULT now(),
  attempts        int         NOT NULL DEFAULT 0,
  last_error      text,
  first_failed_at timestamptz,
  last_failed_at  timestamptz
);
