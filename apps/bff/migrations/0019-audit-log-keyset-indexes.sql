-- The audit log is read newest first, a page at a time (keyset on at, id), filtered by manager or
-- by member: one index per way in, each ending in the page order so no query sorts.
drop index if exists audit_log_at_idx;
create index audit_log_at_id_idx on audit_log (at desc, id desc);
create index audit_log_manager_at_id_idx on audit_log (manager_sub, at desc, id desc);
create index audit_log_member_at_id_idx on audit_log (member_id, at desc, id desc);
