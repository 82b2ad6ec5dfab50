import { createHash } from "node:crypto";
import type { Database } from "../db/database.ts";
import type { StoredProfile } from "./stored-profile.ts";

// Writes a member's newest profile and its tier assignment in one transaction. Ordering is enforced
// by the upsert itself: the row is replaced only by a later dateLastUpdated (or, at the same second,
// by different content — see docs/decisions/0006), so concurrent deliveries for one member serialise
// on the row lock and the newest always wins, whatever order they commit in.

export type StoreOutcome =
  | { kind: "stored"; version: number }
  | { kind: "duplicate"; version: number }
  | { kind: "stale"; version: number };

const UPSERT = `
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
returning version`;

// The unique index on the assignment makes this a no-op when the tier, event and date are unchanged.
const RECORD_TIER = `
insert into tier_history (member_key, tier_title, assigned_by_event, date_assigned, date_last_updated, recorded_at)
values ($1, $2, $3, $4, $5, $6)
on conflict do nothing`;

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
  return db.transaction(async (tx) => {
    const [written] = await tx.query<{ version: string | number }>(UPSERT, [
      memberKey,
      json,
      hash,
      profile.dateLastUpdated,
      receivedAt,
    ]);
    if (written) {
      const tier = profile.tierInfo;
      if (tier) {
        await tx.query(RECORD_TIER, [
          memberKey,
          tier.currentLevel.title,
          tier.assignedByEvent,
          tier.dateAssigned,
          profile.dateLastUpdated,
          receivedAt,
        ]);
      }
      return { kind: "stored", version: Number(written.version) };
    }
    // Not written: the upsert locked the row, so this reads what beat us, consistently.
    const [current] = await tx.query<{ content_hash: string; version: string | number }>(
      "select content_hash, version from member_profiles where member_key = $1",
      [memberKey],
    );
    const version = Number(current?.version ?? 0);
    return current?.content_hash === hash ? { kind: "duplicate", version } : { kind: "stale", version };
  });
}
