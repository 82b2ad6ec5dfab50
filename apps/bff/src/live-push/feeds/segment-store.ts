import type { Queryable } from "../../db/database.ts";
import { type Announcement, contentHash, MAX_FUTURE_MS } from "../../profile/profile-store.ts";
import { announcedCte, announcementParams, classify, type FeedOutcome } from "./feed-store.ts";

// Stores segment changes from the User Segmentation feed: per member and segment (or group), the
// latest by date_occurred decides whether the member is in it. An older change arriving late is
// stale; the same change again is a duplicate (same content hash); at the same instant, a different
// change wins by arriving later (as profiles do, ADR 0006). A stored change dated more than a day
// after its arrival came from a bad clock and is replaced by any (ADR 0011).

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
), before as (
  select s.member_key, s.segment_type, s.subscription_id, s.content_hash
    from member_segments s where s.member_key = any($2::text[])
), written as (
  insert into member_segments as stored
    (member_key, segment_type, subscription_id, name, event, trigger, date_occurred, content_hash, received_at)
  select member_key, segment_type, subscription_id, name, event, trigger, date_occurred, content_hash, received_at
    from input order by member_key, segment_type, subscription_id
  on conflict (member_key, segment_type, subscription_id) do update set
    name = excluded.name,
    event = excluded.event,
    trigger = excluded.trigger,
    date_occurred = excluded.date_occurred,
    content_hash = excluded.content_hash,
    received_at = excluded.received_at
  where excluded.date_occurred > stored.date_occurred
     or (excluded.date_occurred = stored.date_occurred and excluded.content_hash <> stored.content_hash)
     or stored.date_occurred > stored.received_at + $3::interval
  returning member_key, segment_type, subscription_id
), ${announcedCte(
  "w.member_key = i.member_key and w.segment_type = i.segment_type and w.subscription_id = i.subscription_id",
  4,
)}
select i.n,
       exists (select 1 from written w where w.member_key = i.member_key and w.segment_type = i.segment_type
                 and w.subscription_id = i.subscription_id) as written,
       b.content_hash as previous_hash, (select count(*) from announced) as announced
  from input i
  left join before b
    on b.member_key = i.member_key and b.segment_type = i.segment_type and b.subscription_id = i.subscription_id`;

const hashOf = (input: SegmentInput) =>
  contentHash(JSON.stringify([input.name, input.event, input.trigger, input.dateOccurred]));

/** Stores each change (distinct memberships) in one statement; outcomes in the inputs' order. */
export async function storeSegmentChanges(
  db: Queryable,
  inputs: readonly SegmentInput[],
  announcement?: Announcement,
): Promise<FeedOutcome[]> {
  const notices = inputs.map((input) => announcement?.stored(input.memberKey) ?? null);
  const hashes = inputs.map(hashOf);
  const rows = inputs.map((input, n) => ({
    n,
    member_key: input.memberKey,
    segment_type: input.type,
    subscription_id: input.subscriptionId,
    name: input.name,
    event: input.event,
    trigger: input.trigger,
    date_occurred: input.dateOccurred,
    content_hash: hashes[n],
    received_at: input.receivedAt,
    notice: notices[n],
  }));
  const result = await db.query<{ n: number; written: boolean; previous_hash: string | null }>(
    STORE,
    [
      JSON.stringify(rows),
      [...new Set(inputs.map((input) => input.memberKey))],
      `${MAX_FUTURE_MS} milliseconds`,
      ...announcementParams(announcement, notices),
    ],
    { prepareAs: "live_push_segment_store" },
  );
  return classify(result, hashes, async (unseen) => {
    const current = await db.query<{
      member_key: string;
      segment_type: string;
      subscription_id: string;
      content_hash: string;
    }>(
      "select member_key, segment_type, subscription_id, content_hash from member_segments where member_key = any($1::text[])",
      [unseen.map((n) => inputs[n]?.memberKey)],
    );
    return unseen.map((n) => {
      const input = inputs[n];
      return current.find(
        (row) =>
          row.member_key === input?.memberKey &&
          row.segment_type === input.type &&
          row.subscription_id === input.subscriptionId,
      )?.content_hash;
    });
  });
}
