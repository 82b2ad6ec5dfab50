import type { Queryable } from "../../db/database.ts";
import type { Announcement } from "../../profile/profile-store.ts";
import { announcedCte, announcementParams, DUPLICATE, type FeedOutcome, STORED } from "./feed-store.ts";

// Stores completions and redemptions from the User Activity feed: one row per userActivityId, so a
// redelivery writes nothing (a duplicate). Each event is its own row, so order does not matter: a
// late one takes its place in the history by its own time. In the same statement, each member's
// completions of each activity are counted over all time (kept when the history is pruned), and the
// written members are announced.

export interface UserActivityInput {
  userActivityId: string;
  memberKey: string;
  activityId: string;
  points: number;
  occurredAt: Date;
  activityName: string | null;
  translatedTitle: string | null;
  referenceId: string | null;
  receivedAt: Date;
}

const STORE = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as i(
    n int, user_activity_id text, member_key text, activity_id text, points bigint,
    occurred_at timestamptz, activity_name text, translated_title text, reference_id text,
    received_at timestamptz, notice text)
), written as (
  insert into member_activity_history
    (user_activity_id, member_key, activity_id, points, occurred_at, activity_name, translated_title,
     reference_id, received_at)
  select user_activity_id, member_key, activity_id, points, occurred_at, activity_name, translated_title,
         reference_id, received_at
    from input order by user_activity_id
  on conflict (user_activity_id) do nothing
  returning user_activity_id, member_key, activity_id, points, occurred_at
), counted as (
  insert into member_activity_completions as counted (member_key, activity_id, completions, last_at)
  select member_key, activity_id, count(*), max(occurred_at) from written
   where points >= 0
   group by member_key, activity_id
   order by member_key, activity_id
  on conflict (member_key, activity_id) do update set
    completions = counted.completions + excluded.completions,
    last_at = greatest(counted.last_at, excluded.last_at)
), ${announcedCte("w.user_activity_id = i.user_activity_id", 2)}
select i.n, w.user_activity_id is not null as written, (select count(*) from announced) as announced
  from input i left join written w on w.user_activity_id = i.user_activity_id`;

/** Stores each message (distinct userActivityIds) in one statement; outcomes in the inputs' order. */
export async function storeUserActivities(
  db: Queryable,
  inputs: readonly UserActivityInput[],
  announcement?: Announcement,
): Promise<FeedOutcome[]> {
  const notices = inputs.map((input) => announcement?.stored(input.memberKey) ?? null);
  const rows = inputs.map((input, n) => ({
    n,
    user_activity_id: input.userActivityId,
    member_key: input.memberKey,
    activity_id: input.activityId,
    points: input.points,
    occurred_at: input.occurredAt,
    activity_name: input.activityName,
    translated_title: input.translatedTitle,
    reference_id: input.referenceId,
    received_at: input.receivedAt,
    notice: notices[n],
  }));
  const result = await db.query<{ n: number; written: boolean }>(
    STORE,
    [JSON.stringify(rows), ...announcementParams(announcement, notices)],
    { prepareAs: "live_push_user_activity_store" },
  );
  const outcomes: FeedOutcome[] = inputs.map(() => DUPLICATE);
  for (const row of result) outcomes[Number(row.n)] = row.written ? STORED : DUPLICATE;
  return outcomes;
}
