-- The points history and the orders are pruned once a row is older than HISTORY_RETENTION_DAYS both by
-- its own date and by its arrival (docs/decisions/0030). By its date alone, a late delivery of an old
-- completion (a batch, a replay) was pruned within the hour, and CrowdTwist's redelivery of it (it
-- retries for up to eight hours) was then stored and counted again toward a lifetime cap. A row
-- arrives at most a day before its own date (later ones are refused), so the arrival orders the
-- prune: it walks these indexes and the date only filters the last day's rows.
create index member_activity_history_received_idx on member_activity_history (received_at);
drop index if exists member_activity_history_occurred_idx;
create index member_redemptions_received_idx on member_redemptions (received_at);
drop index if exists member_redemptions_order_date_idx;
