import type { Queryable } from "../../db/database.ts";
import { type Announcement, contentHash, MAX_FUTURE_MS } from "../../profile/profile-store.ts";
import { announcedCte, announcementParams, classify, type FeedOutcome } from "./feed-store.ts";

// Stores a member's expiring points from the Points Expiration feed. Each message is the whole
// picture as of its message_date, so it replaces what is stored only when it is newer (or, at the
// same instant, different: the later arrival wins, as for profiles, ADR 0006); the same content again
// is a duplicate and an older message is stale. As for profiles (ADR 0011), a stored row dated more
// than a day after its own arrival can only come from a bad clock and any message replaces it.

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
), before as (
  select s.member_key, s.content_hash from member_point_expirations s where s.member_key = any($2::text[])
), written as (
  insert into member_point_expirations as stored (member_key, message_date, content_hash, expiring, received_at)
  select member_key, message_date, content_hash, expiring, received_at from input order by member_key
  on conflict (member_key) do update set
    message_date = excluded.message_date,
    content_hash = excluded.content_hash,
    expiring = excluded.expiring,
    received_at = excluded.received_at
  where excluded.message_date > stored.message_date
     or (excluded.message_date = stored.message_date and excluded.content_hash <> stored.content_hash)
     or stored.message_date > stored.received_at + $3::interval
  returning member_key
), ${announcedCte("w.member_key = i.member_key", 4)}
select i.n, w.member_key is not null as written, b.content_hash as previous_hash,
       (select count(*) from announced) as announced
  from input i
  left join written w on w.member_key = i.member_key
  left join before b on b.member_key = i.member_key`;

/** What was stored: the message's own fields, so the same message hashes the same. */
const hashOf = (input: ExpirationInput) => contentHash(JSON.stringify([input.messageDate, input.expiring]));

/** Stores each member's expirations (distinct members) in one statement; outcomes in the inputs' order. */
export async function storeExpirations(
  db: Queryable,
  inputs: readonly ExpirationInput[],
  announcement?: Announcement,
): Promise<FeedOutcome[]> {
  const notices = inputs.map((input) => announcement?.stored(input.memberKey) ?? null);
  const hashes = inputs.map(hashOf);
  const rows = inputs.map((input, n) => ({
    n,
    member_key: input.memberKey,
    message_date: input.messageDate,
    content_hash: hashes[n],
    expiring: input.expiring,
    received_at: input.receivedAt,
    notice: notices[n],
  }));
  const result = await db.query<{ n: number; written: boolean; previous_hash: string | null }>(
    STORE,
    [
      JSON.stringify(rows),
      inputs.map((input) => input.memberKey),
      `${MAX_FUTURE_MS} milliseconds`,
      ...announcementParams(announcement, notices),
    ],
    { prepareAs: "live_push_expiration_store" },
  );
  return classify(result, hashes, async (unseen) => {
    const keys = unseen.map((n) => inputs[n]?.memberKey);
    const current = await db.query<{ member_key: string; content_hash: string }>(
      "select member_key, content_hash from member_point_expirations where member_key = any($1::text[])",
      [keys],
    );
    return unseen.map((n) => current.find((row) => row.member_key === inputs[n]?.memberKey)?.content_hash);
  });
}
