-- Every use of "preview as a member" by a program manager: who, whom, why and when. Append-only.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  manager_sub text not null,
  manager_name text,
  action text not null,
  member_id_type text not null,
  member_id text not null,
  reason text not null
);
create index audit_log_at_idx on audit_log (at desc);
