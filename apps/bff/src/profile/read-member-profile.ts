import { isTierAssignment, type TierAssignmentEvent } from "@portal/crowdtwist/live-push-tier-info";
import type { Queryable } from "../db/database.ts";
import { reviveStoredProfile, type StoredProfile } from "./stored-profile.ts";

// What the portal knows about a member from Live Push: the newest stored profile and the tier
// assignments seen so far, newest assignment first (docs/decisions/0018). Read tolerantly (see
// stored-profile.ts): a row that older code wrote oddly loses the odd part, never the member's page.

export interface TierHistoryEntry {
  tier: string;
  /** `null` for an assignment no push named (first seen on an UPDATE). */
  event: TierAssignmentEvent | null;
  /** When CrowdTwist assigned the tier (`null` if the push did not say). */
  dateAssigned: Date | null;
  /** The dateLastUpdated of the push that first recorded this assignment. */
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
  date_last_updated: Date | string;
  received_at: Date | string;
  version: string | number;
  [key: string]: unknown;
}

interface HistoryRow {
  tier_title: string;
  assigned_by_event: string | null;
  date_assigned: Date | string | null;
  date_last_updated: Date | string;
  recorded_at: Date | string;
  [key: string]: unknown;
}

/** `null` for a value no Date can hold (a timestamptz beyond JavaScript's calendar). */
function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** pg parses jsonb into objects; a driver may hand back the text instead. */
function jsonOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function historyEntry(row: HistoryRow): TierHistoryEntry | null {
  const dateLastUpdated = toDate(row.date_last_updated);
  const recordedAt = toDate(row.recorded_at);
  const stored = row.assigned_by_event;
  // An event name older code stored that we do not know (or an UPDATE) is no assignment we can tell.
  const event = stored === null ? null : isTierAssignment(stored) ? stored : undefined;
  if (event === undefined || !dateLastUpdated || !recordedAt) return null;
  return {
    tier: row.tier_title,
    event,
    dateAssigned: toDate(row.date_assigned),
    dateLastUpdated,
    recordedAt,
  };
}

export async function readMemberProfile(
  db: Queryable,
  memberKey: string,
): Promise<MemberProfileRecord | null> {
  const [row] = await db.query<ProfileRow>(
    "select profile, date_last_updated, received_at, version from member_profiles where member_key = $1",
    [memberKey],
  );
  if (!row) return null;
  const history = await db.query<HistoryRow>(
    `select tier_title, assigned_by_event, date_assigned, date_last_updated, recorded_at
       from tier_history where member_key = $1
      order by coalesce(date_assigned, date_last_updated) desc, id desc limit ${HISTORY_LIMIT}`,
    [memberKey],
  );
  const receivedAt = toDate(row.received_at) ?? new Date(0);
  return {
    profile: reviveStoredProfile(jsonOf(row.profile), toDate(row.date_last_updated) ?? receivedAt),
    receivedAt,
    version: Number(row.version),
    history: history.flatMap((entry) => historyEntry(entry) ?? []),
  };
}
