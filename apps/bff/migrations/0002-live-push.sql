-- The newest Live Push profile per member, minimised to what the portal shows (see
-- src/live-push/stored-profile.ts). `date_last_updated` orders pushes: an upsert only replaces a row
-- with an older one (or, at the same second, with different content). `version` counts the stored
-- changes of one member and is what Server-Sent Events use as the event id.
create table member_profiles (
  member_key text primary key,
  profile jsonb not null,
  content_hash text not null,
  date_last_updated timestamptz not null,
  received_at timestamptz not null,
  version bigint not null
);

-- Every tier assignment a member's pushes have shown: the tier, the event that assigned it and when.
-- The unique index makes recording idempotent, so a points-only UPDATE push adds nothing new.
create table tier_history (
  id bigserial primary key,
  member_key text not null,
  tier_title text not null,
  assigned_by_event text not null,
  date_assigned timestamptz,
  date_last_updated timestamptz not null,
  recorded_at timestamptz not null
);
create unique index tier_history_assignment_idx
  on tier_history (member_key, tier_title, assigned_by_event, coalesce(date_assigned, '-infinity'::timestamptz));
create index tier_history_member_idx on tier_history (member_key, date_last_updated desc, id desc);
