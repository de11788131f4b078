-- displayName is caseExact=false, so filters compare lower(t.display_name) = lower($n); this expression index
-- serves them as scim_users_user_name serves userName. Multi-valued attributes (emails[...]) are matched with
-- EXISTS over jsonb_array_elements, which no index can serve, so none is added for them.
CREATE INDEX scim_users_display_name ON scim_users (tenant_id, lower(display_name));
