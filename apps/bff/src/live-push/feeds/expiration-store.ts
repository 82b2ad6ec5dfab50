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

// Stores a member's expiring points from the Points Expiration feed. Each message is the whole
// picture as of its message_date and carries no sequence number, so the stored picture is the
// greatest message by (message_date, content hash): the same in any order of arrival, a redelivery
// never brings an older picture back (docs/decisions/0041). The same content again is a duplicate;
// a message that loses is stale. As for profiles (ADR 0011), a stored row dated more than a day
// after its own arrival can only come from a bad clock and any new message replaces it.

export interface ExpirationInput {
  memberKey: string;
  messageDate: Date;
  expiring: { points: number; date: Date }[];
  receivedAt: Date;
}

const STORE = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as i(
    n int, member_key text, message_date timestamptz, content_hash text, expiring jsonb,
    received_at timestamptz, notice text)
), written as (
  insert into member_point_expirations as stored (member_key, message_date, content_hash, expiring, received_at)
  select member_key, message_date, content_hash, expiring, received_at from input order by member_key
  ${latestWinsUpsert("member_key", "message_date", ["message_date", "expiring"], 2)}
  returning member_key, content_hash
), ${announcedCte("w.member_key = i.member_key and w.content_hash = i.content_hash", 3)}
select i.n, ${latestWinsOutcome("w")} as outcome, (select count(*) from announced) as announced
  from input i
  left join written w on w.member_key = i.member_key`;

/** What was stored: the message's own fields, so the same message hashes the same. */
export const expirationHash = (input: ExpirationInput) =>
  contentHash(JSON.stringify([input.messageDate, input.expiring]));

/** Stores each member's expirations (distinct members) in one statement; outcomes in the inputs' order. */
export async function storeExpirations(
  db: Queryable,
  inputs: readonly ExpirationInput[],
  announcement?: Announcement,
): Promise<FeedOutcome[]> {
  const notices = inputs.map((input) => announcement?.stored(input.memberKey) ?? null);
  const rows = inputs.map((input, n) => ({
    n,
    member_key: input.memberKey,
    message_date: input.messageDate,
    content_hash: expirationHash(input),
    expiring: input.expiring,
    received_at: input.receivedAt,
    notice: notices[n],
  }));
  const result = await db.query<LatestWinsRow>(
    STORE,
    [JSON.stringify(rows), `${MAX_FUTURE_MS} milliseconds`, ...announcementParams(announcement, notices)],
    { prepareAs: "live_push_expiration_store" },
  );
  return latestWinsOutcomes(result, inputs.length);
}
