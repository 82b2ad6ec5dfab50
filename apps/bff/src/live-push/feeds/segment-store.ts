import type { Queryable } from "../../db/database.ts";
import { type Announcement, contentHash, MAX_FUTURE_MS } from "../../profile/profile-store.ts";
import {
  announcedCte,
  announcementParams,
  type FeedOutcome,
  type LatestWinsRow,
  latestWinsOutcome,
  latestWinsOutcomes,
  latestWinsUpsert,
} from "./feed-store.ts";

// Stores segment changes from the User Segmentation feed: per member and segment (or group), the
// latest by date_occurred decides whether the member is in it. Changes carry no sequence number, so
// two at the same instant are ordered by their content hash: the stored change is the greatest by
// (date_occurred, hash) in any order of arrival, and a redelivery never flips it back
// (docs/decisions/0041). The same change again is a duplicate; one that loses is stale. A stored
// change dated more than a day after its arrival came from a bad clock and is replaced by any (ADR 0011).

export interface SegmentInput {
  memberKey: string;
  type: string;
  subscriptionId: string;
  name: string | null;
  event: "entered" | "exited";
  trigger: string | null;
  dateOccurred: Date;
  receivedAt: Date;
}

/** The group commit's key: one write per membership at a time, each in arrival order. */
export const segmentKey = (input: SegmentInput) =>
  `${input.memberKey}\u0000${input.type}\u0000${input.subscriptionId}`;

const STORE = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as i(
    n int, member_key text, segment_type text, subscription_id text, name text, event text,
    trigger text, date_occurred timestamptz, content_hash text, received_at timestamptz, notice text)
), written as (
  insert into member_segments as stored
    (member_key, segment_type, subscription_id, name, event, trigger, date_occurred, content_hash, received_at)
  select member_key, segment_type, subscription_id, name, event, trigger, date_occurred, content_hash, received_at
    from input order by member_key, segment_type, subscription_id
  ${latestWinsUpsert(
    "member_key, segment_type, subscription_id",
    "date_occurred",
    ["name", "event", "trigger", "date_occurred"],
    2,
  )}
  returning member_key, segment_type, subscription_id, content_hash
), ${announcedCte(
  `w.member_key = i.member_key and w.segment_type = i.segment_type and w.subscription_id = i.subscription_id
   and w.content_hash = i.content_hash`,
  3,
)}
select i.n, ${latestWinsOutcome("w")} as outcome, (select count(*) from announced) as announced
  from input i
  left join written w
    on w.member_key = i.member_key and w.segment_type = i.segment_type and w.subscription_id = i.subscription_id`;

export const segmentHash = (input: SegmentInput) =>
  contentHash(JSON.stringify([input.name, input.event, input.trigger, input.dateOccurred]));

/** Stores each change (distinct memberships) in one statement; outcomes in the inputs' order. */
export async function storeSegmentChanges(
  db: Queryable,
  inputs: readonly SegmentInput[],
  announcement?: Announcement,
): Promise<FeedOutcome[]> {
  const notices = inputs.map((input) => announcement?.stored(input.memberKey) ?? null);
  const rows = inputs.map((input, n) => ({
    n,
    member_key: input.memberKey,
    segment_type: input.type,
    subscription_id: input.subscriptionId,
    name: input.name,
    event: input.event,
    trigger: input.trigger,
    date_occurred: input.dateOccurred,
    content_hash: segmentHash(input),
    received_at: input.receivedAt,
    notice: notices[n],
  }));
  const result = await db.query<LatestWinsRow>(
    STORE,
    [JSON.stringify(rows), `${MAX_FUTURE_MS} milliseconds`, ...announcementParams(announcement, notices)],
    { prepareAs: "live_push_segment_store" },
  );
  return latestWinsOutcomes(result, inputs.length);
}
