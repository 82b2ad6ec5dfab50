import { createHash } from "node:crypto";
import { isTierAssignment } from "@portal/crowdtwist/live-push-tier-info";
import type { Queryable } from "../db/database.ts";
import type { StoredProfile } from "./stored-profile.ts";

// Writes members' newest profiles and their tier assignments, several members in one statement (the
// group commit of live-push/ingest.ts hands it what arrived together). Ordering is enforced by the
// upsert itself: a row is replaced only by a later dateLastUpdated (or, at the same second, by
// different content — see docs/decisions/0006), so concurrent deliveries for one member serialise on
// the row lock and the newest always wins, whatever order they commit in.
//
// One exception heals members frozen by older code (ADR 0011): a stored row dated more than
// MAX_FUTURE_MS after its own arrival can only come from a bad clock, since ingest now refuses such
// pushes; any push replaces it, or it would stay "newer" than every real push for decades.

/** How far ahead of our clock a push may be dated: clock skew, not a date in the next century. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export type StoreOutcome =
  | { kind: "stored"; version: number }
  | { kind: "duplicate"; version: number }
  | { kind: "stale"; version: number };

export interface StoreInput {
  memberKey: string;
  profile: StoredProfile;
  receivedAt: Date;
}

/**
 * Told to the other instances by the same statement (NOTIFY, delivered at its commit): a payload is
 * `head`, the written members' messages joined by ",", then `tail`, at most `maxPayload` characters.
 */
export interface Announcement {
  channel: string;
  head: string;
  tail: string;
  maxPayload: number;
  /** The message saying that this member's profile was stored. */
  stored(memberKey: string): string;
}

// One statement, so one round trip and one commit for the whole batch: the upserts, the tier
// history, what was stored before (for telling a redelivery from an older push) and, optionally, the
// announcement of every written member. A single statement is atomic. Members are distinct within a
// batch (an upsert cannot touch one row twice); rows are written in member order, so two batches
// locking the same members lock them in the same order. The stored tables are read by the members'
// keys ($7), never joined whole: the planner takes any function's output for 100 rows, and would
// rather scan a small table than probe its index 100 times.
//
// The tier history is assignments only (docs/decisions/0018), one row per (tier, dateAssigned):
// - an assignment event (START, JUMP, DROP, MAINTAIN, RESET) records its row, or names the event of a
//   row an earlier push recorded without one;
// - any other push (UPDATE, or an event we do not know) records its (tier, dateAssigned) only when no
//   row has it — an assignment we never saw named, e.g. its own push arrived late — so an update of an
//   assignment already recorded adds nothing;
// - CrowdTwist's dateAssigned is the newest assignment's, so rows dated after it were undone (a
//   program reset, a correction) and are removed, unless this push only won a same-second tie.
const STORE = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as i(
    n int, member_key text, profile jsonb, content_hash text, date_last_updated timestamptz,
    received_at timestamptz, tier_title text, assigned_by_event text, date_assigned timestamptz, notice text)
), before as (
  select s.member_key, s.date_last_updated, s.version, s.content_hash
    from member_profiles s where s.member_key = any($7::text[])
), written as (
  insert into member_profiles as stored (member_key, profile, content_hash, date_last_updated, received_at, version)
  select member_key, profile, content_hash, date_last_updated, received_at, 1 from input order by member_key
  on conflict (member_key) do update set
    profile = excluded.profile,
    content_hash = excluded.content_hash,
    date_last_updated = excluded.date_last_updated,
    received_at = excluded.received_at,
    version = stored.version + 1
  where excluded.date_last_updated > stored.date_last_updated
     or (excluded.date_last_updated = stored.date_last_updated and excluded.content_hash <> stored.content_hash)
     or stored.date_last_updated > stored.received_at + $2::interval
  returning member_key, version
), undone as (
  delete from tier_history t using input i
   where t.member_key = any($7::text[]) and t.member_key = i.member_key
     and i.date_assigned is not null and t.date_assigned > i.date_assigned
     and exists (select 1 from written w where w.member_key = i.member_key)
     and not exists (select 1 from before b where b.member_key = i.member_key and b.date_last_updated >= i.date_last_updated)
), assignment as (
  insert into tier_history as recorded (member_key, tier_title, assigned_by_event, date_assigned, date_last_updated, recorded_at)
  select i.member_key, i.tier_title, i.assigned_by_event, i.date_assigned, i.date_last_updated, i.received_at
    from input i join written w on w.member_key = i.member_key
   where i.tier_title is not null and (i.assigned_by_event is not null or i.date_assigned is not null)
  on conflict (member_key, tier_title, coalesce(date_assigned, '-infinity'::timestamptz))
  do update set assigned_by_event = excluded.assigned_by_event
  where recorded.assigned_by_event is null and excluded.assigned_by_event is not null
), announced as (
  select pg_notify($3::text, $4::text || string_agg(i.notice, ',' order by i.n) || $5::text)
    from input i join written w on w.member_key = i.member_key
   where i.notice is not null
   group by i.n / $6::int
)
select i.n, w.version as written_version, b.version as previous_version, b.content_hash as previous_hash,
       (select count(*) from announced) as announced
  from input i
  left join written w on w.member_key = i.member_key
  left join before b on b.member_key = i.member_key`;

type StoreRow = {
  n: number;
  written_version: string | number | null;
  previous_version: string | number | null;
  previous_hash: string | null;
};

/** A fingerprint of the stored content: equal fingerprints mean a redelivery. */
export function contentHash(json: string): string {
  return createHash("sha256").update(json).digest("base64url");
}

/** One input row as JSON, the profile spliced in as the text that was hashed (not stringified twice). */
function inputRow(n: number, input: StoreInput, json: string, hash: string, notice: string | null): string {
  const tier = input.profile.tierInfo;
  const fields = JSON.stringify({
    n,
    member_key: input.memberKey,
    content_hash: hash,
    date_last_updated: input.profile.dateLastUpdated,
    received_at: input.receivedAt,
    tier_title: tier?.currentLevel.title ?? null,
    assigned_by_event: isTierAssignment(tier?.assignedByEvent) ? tier.assignedByEvent : null,
    date_assigned: tier?.dateAssigned ?? null,
    notice,
  });
  return `{"profile":${json},${fields.slice(1)}`;
}

/**
 * Stores each profile (distinct members) in one statement; the outcomes are in the inputs' order.
 * Fails as a whole: nothing of the batch is stored when it throws.
 */
export async function storeProfiles(
  db: Queryable,
  inputs: readonly StoreInput[],
  announcement?: Announcement,
): Promise<StoreOutcome[]> {
  const hashes: string[] = [];
  const rows: string[] = [];
  let longest = 0;
  inputs.forEach((input, n) => {
    const json = JSON.stringify(input.profile);
    const hash = contentHash(json);
    const notice = announcement?.stored(input.memberKey) ?? null;
    longest = Math.max(longest, notice === null ? 0 : Buffer.byteLength(notice));
    hashes.push(hash);
    rows.push(inputRow(n, input, json, hash, notice));
  });
  // As many messages per NOTIFY as surely fit (Postgres refuses a payload of 8000 bytes or more).
  const room = announcement
    ? announcement.maxPayload - Buffer.byteLength(announcement.head) - Buffer.byteLength(announcement.tail)
    : 0;
  const result = await db.query<StoreRow>(
    STORE,
    [
      `[${rows.join(",")}]`,
      `${MAX_FUTURE_MS} milliseconds`,
      announcement?.channel ?? "",
      announcement?.head ?? "",
      announcement?.tail ?? "",
      Math.max(1, Math.floor(room / (longest + 1))),
      inputs.map((input) => input.memberKey),
    ],
    // Planning this statement cost Postgres more than running it.
    { prepareAs: "live_push_store" },
  );
  const outcomes: (StoreOutcome | null)[] = inputs.map(() => null);
  // Not written and nothing in the statement's snapshot: a concurrent first delivery committed the
  // row meanwhile (and was newer or equal). Read those again.
  const unseen: number[] = [];
  for (const row of result) {
    const n = Number(row.n);
    if (row.written_version != null) outcomes[n] = { kind: "stored", version: Number(row.written_version) };
    else if (row.previous_hash == null) unseen.push(n);
    else outcomes[n] = notWritten(hashes[n], row.previous_hash, Number(row.previous_version));
  }
  if (unseen.length > 0) {
    const current = await db.query<{ member_key: string; content_hash: string; version: string | number }>(
      "select member_key, content_hash, version from member_profiles where member_key = any($1::text[])",
      [unseen.map((n) => inputs[n]?.memberKey)],
    );
    for (const n of unseen) {
      const row = current.find((r) => r.member_key === inputs[n]?.memberKey);
      outcomes[n] = notWritten(hashes[n], row?.content_hash ?? "", Number(row?.version ?? 0));
    }
  }
  return outcomes.map((outcome) => {
    if (!outcome) throw new Error("the profile store answered without a row for every input");
    return outcome;
  });
}

function notWritten(hash: string | undefined, previousHash: string, version: number): StoreOutcome {
  return previousHash === hash ? { kind: "duplicate", version } : { kind: "stale", version };
}
