import type { TierEvent } from "@portal/crowdtwist/live-push-tier-info";
import type { Queryable } from "../db/database.ts";
import { reviveStoredProfile, type StoredProfile } from "./stored-profile.ts";

// What the portal knows about a member from Live Push: the newest stored profile and the tier
// assignments seen so far, newest first.

export interface TierHistoryEntry {
  tier: string;
  event: TierEvent;
  /** When CrowdTwist assigned the tier (`null` if the push did not say). */
  dateAssigned: Date | null;
  /** The dateLastUpdated of the push that first showed this assignment. */
  dateLastUpdated: Date;
  recordedAt: Date;
}

export interface MemberProfileRecord {
  profile: StoredProfile;
  receivedAt: Date;
  /** Increases by one with every stored change of this member's profile; usable as an SSE event id. */
  version: number;
  history: TierHistoryEntry[];
}

const HISTORY_LIMIT = 50;

interface ProfileRow {
  profile: unknown;
  received_at: Date | string;
  version: string | number;
  [key: string]: unknown;
}

interface HistoryRow {
  tier_title: string;
  assigned_by_event: string;
  date_assigned: Date | string | null;
  date_last_updated: Date | string;
  recorded_at: Date | string;
  [key: string]: unknown;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export async function readMemberProfile(
  db: Queryable,
  memberKey: string,
): Promise<MemberProfileRecord | null> {
  const [row] = await db.query<ProfileRow>(
    "select profile, received_at, version from member_profiles where member_key = $1",
    [memberKey],
  );
  if (!row) return null;
  const history = await db.query<HistoryRow>(
    `select tier_title, assigned_by_event, date_assigned, date_last_updated, recorded_at
       from tier_history where member_key = $1
      order by date_last_updated desc, id desc limit ${HISTORY_LIMIT}`,
    [memberKey],
  );
  return {
    // pg parses jsonb into objects; be lenient should a driver hand back the text.
    profile: reviveStoredProfile(typeof row.profile === "string" ? JSON.parse(row.profile) : row.profile),
    receivedAt: toDate(row.received_at),
    version: Number(row.version),
    history: history.map((entry) => ({
      tier: entry.tier_title,
      event: entry.assigned_by_event as TierEvent,
      dateAssigned: entry.date_assigned === null ? null : toDate(entry.date_assigned),
      dateLastUpdated: toDate(entry.date_last_updated),
      recordedAt: toDate(entry.recorded_at),
    })),
  };
}
