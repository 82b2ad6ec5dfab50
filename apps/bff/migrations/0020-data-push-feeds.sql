-- The Data Push feeds beyond the profile (docs/decisions/0030), each minimised to what the portal
-- shows or counts. Member keys are the configured CrowdTwist id, as in member_profiles.

-- The User Activity feed: every completion (points > 0) and redemption (points < 0) CrowdTwist
-- pushed, one row per userActivityId (a redelivery inserts nothing). The member's points history is
-- read from here newest first, a page at a time (keyset on occurred_at, id); completions of an
-- activity in a frequency period are counted per (member, activity, time). `id` is ours: a compact
-- tiebreak for the keyset. Rows older than HISTORY_RETENTION_DAYS are pruned (by occurred_at).
create table member_activity_history (
  id bigserial primary key,
  user_activity_id text not null,
  member_key text not null,
  activity_id text not null,
  points bigint not null,
  occurred_at timestamptz not null,
  activity_name text,
  translated_title text,
  reference_id text,
  received_at timestamptz not null
);
create unique index member_activity_history_user_activity_idx on member_activity_history (user_activity_id);
create index member_activity_history_member_idx on member_activity_history (member_key, occurred_at desc, id desc);
create index member_activity_history_activity_idx on member_activity_history (member_key, activity_id, occurred_at);
create index member_activity_history_occurred_idx on member_activity_history (occurred_at);

-- Completions per member and activity over all time, kept when the history is pruned: a once-only
-- activity stays done after its completion leaves the history.
create table member_activity_completions (
  member_key text not null,
  activity_id text not null,
  completions bigint not null,
  last_at timestamptz not null,
  primary key (member_key, activity_id)
);

-- The User Redemption feed: one row per orderId. It names the reward a negative completion paid for
-- (that completion's referenceId is the order's id).
create table member_redemptions (
  order_id text primary key,
  member_key text not null,
  order_date timestamptz not null,
  reward_id text,
  reward_group_id text,
  title text,
  received_at timestamptz not null
);
create index member_redemptions_member_idx on member_redemptions (member_key, order_date desc);
create index member_redemptions_order_date_idx on member_redemptions (order_date);

-- The Points Expiration feed: a member's expiring points, replaced whole by a newer message_date
-- (or, at the same instant, by different content); `expiring` is [{points, date}] nearest first.
create table member_point_expirations (
  member_key text primary key,
  message_date timestamptz not null,
  content_hash text not null,
  expiring jsonb not null,
  received_at timestamptz not null
);

-- The User Segmentation feed: per member and segment (or group), the latest change by
-- date_occurred; an older change never replaces a newer one.
create table member_segments (
  member_key text not null,
  segment_type text not null,
  subscription_id text not null,
  name text,
  event text not null,
  trigger text,
  date_occurred timestamptz not null,
  content_hash text not null,
  received_at timestamptz not null,
  primary key (member_key, segment_type, subscription_id)
);
