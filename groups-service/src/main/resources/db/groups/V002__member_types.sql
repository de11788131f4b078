-- A member's type is derived from its id from now on (MemberTypes): the id of a group of the tenant is a Group,
-- any other id a User. Memberships stored earlier hold the client's type, possibly wrong, or none.
UPDATE scim_group_members m
   SET member_type = CASE WHEN EXISTS (SELECT 1 FROM scim_groups g
                                        WHERE g.tenant_id = m.tenant_id AND g.id::text = lower(m.member_id))
                          THEN 'Group' ELSE 'User' END;
