import { createHash } from "node:crypto";
import type { Database } from "../db/database.ts";
import type { StoredProfile } from "./stored-profile.ts";

// Writes a member's newest profile and its tier assignment in one statement. Ordering is enforced
// by the upsert itself: the row is replaced only by a later dateLastUpdated (or, at the same second,
// by different content — see docs/decisions/0006), so concurrent deliveries for one member serialise
// on the row lock and the newest always wins, whatever order they commit in.
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

// One statement, so one round trip into the database per push: the upsert, the tier history and
// what was stored before, for telling a redelivery from an older push. A single statement is atomic.
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
with before as (
  select date_last_updated from member_profiles where member_key = $1
), written as (
  insert into member_profiles as stored (member_key, profile, content_hash, date_last_updated, received_at, version)
  values ($1, $2::jsonb, $3, $4, $5, 1)
  on conflict (member_key) do update set
    profile = excluded.profile,
    content_hash = excluded.content_hash,
    date_last_updated = excluded.date_last_updated,
    received_at = excluded.received_at,
    version = stored.version + 1
  where excluded.date_last_updated > stored.date_last_updated
     or (excluded.date_last_updated = stored.date_last_updated and excluded.content_hash <> stored.content_hash)
     or stored.date_last_updated > stored.received_at + $9::interval
  returning version
), undone as (
  delete from tier_history
   where member_key = $1 and $8::timestamptz is not null and date_assigned > $8::timestamptz
     and exists (select 1 from written)
     and not exists (select 1 from before where before.date_last_updated >= $4)
), assignment as (
  insert into tier_history as recorded (member_key, tier_title, assigned_by_event, date_assigned, date_last_updated, recorded_at)
  select $1, $6, $7, $8, $4, $5 from written
   where $6::text is not null and ($7::text is not null or $8::timestamptz is not null)
  on conflict (member_key, tier_title, coalesce(date_assigned, '-infinity'::timestamptz))
  do update set assigned_by_event = excluded.assigned_by_event
  where recorded.assigned_by_event is null and excluded.assigned_by_event is not null
)
select
  (select version from written) as written_version,
  (select version from member_profiles where member_key = $1) as previous_version,
  (select content_hash from member_profiles where member_key = $1) as previous_hash`;

/** The events that assign a tier; an UPDATE only changes points (Live Push document). */
const ASSIGNMENTS: ReadonlySet<string> = new Set(["START", "JUMP", "DROP", "MAINTAIN", "RESET"]);

type StoreRow = {
  written_version: string | number | null;
  previous_version: string | number | null;
  previous_hash: string | null;
};

/** A fingerprint of the stored content: equal fingerprints mean a redelivery. */
export function contentHash(json: string): string {
  return createHash("sha256").update(json).digest("base64url");
}

export async function storeProfile(
  db: Database,
  input: { memberKey: string; profile: StoredProfile; receivedAt: Date },
): Promise<StoreOutcome> {
  const { memberKey, profile, receivedAt } = input;
  const json = JSON.stringify(profile);
  const hash = contentHash(json);
  const tier = profile.tierInfo;
  const [row] = await db.query<StoreRow>(STORE, [
    memberKey,
    json,
    hash,
    profile.dateLastUpdated,
    receivedAt,
    tier?.currentLevel.title ?? null,
    tier?.assignedByEvent && ASSIGNMENTS.has(tier.assignedByEvent) ? tier.assignedByEvent : null,
    tier?.dateAssigned ?? null,
    `${MAX_FUTURE_MS} milliseconds`,
  ]);
  if (row?.written_version != null) return { kind: "stored", version: Number(row.written_version) };
  // Not written: the row exists and was newer or equal. The statement's snapshot shows it unless a
  // concurrent first delivery committed it meanwhile; then read it again.
  let previous =
    row?.previous_hash == null ? null : { hash: row.previous_hash, version: Number(row.previous_version) };
  if (!previous) {
    const [current] = await db.query<{ content_hash: string; version: string | number }>(
      "select content_hash, version from member_profiles where member_key = $1",
      [memberKey],
    );
    previous = current
      ? { hash: current.content_hash, version: Number(current.version) }
      : { hash: "", version: 0 };
  }
  return previous.hash === hash
    ? { kind: "duplicate", version: previous.version }
    : { kind: "stale", version: previous.version };
}
