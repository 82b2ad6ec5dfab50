import type { LivePushProfile } from "@portal/crowdtwist/live-push-profile";
import { TIER_EVENTS } from "@portal/crowdtwist/live-push-tier-info";
import { z } from "zod";

// What the portal keeps of a Live Push profile: an explicit allow-list of what a member sees (name,
// tier, points, when it was last updated). Contact details, addresses, social ids, custom data and
// every id are left out — the parsed profile already lacks password/salt/hashAlgorithmId/ipAddress,
// and this narrows it further. Add a field here only when a screen shows it.

export type StoredProfile = Pick<
  LivePushProfile,
  | "firstName"
  | "lastName"
  | "fanLevelName"
  | "totalPoints"
  | "redeemablePoints"
  | "monthlyPoints"
  | "weeklyPoints"
  | "isActive"
  | "dateLastUpdated"
  | "tierInfo"
>;

export function minimiseProfile(profile: LivePushProfile): StoredProfile {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    fanLevelName: profile.fanLevelName,
    totalPoints: profile.totalPoints,
    redeemablePoints: profile.redeemablePoints,
    monthlyPoints: profile.monthlyPoints,
    weeklyPoints: profile.weeklyPoints,
    isActive: profile.isActive,
    dateLastUpdated: profile.dateLastUpdated,
    tierInfo: profile.tierInfo,
  };
}

// Reading is tolerant, field by field: a row written by older code (a null where a number was
// expected, a date string no reader can parse, an event name we do not know) must not turn a
// member's /api/me or live stream into a 500. What cannot be read is `null` — the view shows "not
// known" for it — and the rest of the row still counts. jsonb holds dates as ISO strings.
const date = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const dateOrNull = date.nullable().catch(null);
const numberOrNull = z.number().nullable().catch(null);
const level = z.object({ minValue: numberOrNull, maxValue: numberOrNull, title: z.string() });

const tierInfoSchema = z.object({
  resetDate: dateOrNull,
  dateReached: dateOrNull,
  scoreNeededToReach: numberOrNull,
  nextLevel: level.nullable().catch(null),
  tierScore: numberOrNull,
  timeframeScore: numberOrNull,
  assignedByEvent: z.enum(TIER_EVENTS).nullable().catch(null),
  // Without its current level a tier block says nothing; the whole block is then dropped (below).
  currentLevel: level,
  score: numberOrNull,
  daysUntilResetDate: numberOrNull,
  daysUntilExpirationDate: numberOrNull,
  dateAssigned: dateOrNull,
  expirationDate: dateOrNull,
  scoreNeededToMaintain: numberOrNull,
});

const textOrNull = z.string().nullable().catch(null);

const storedProfileSchema = z.object({
  firstName: textOrNull,
  lastName: textOrNull,
  fanLevelName: textOrNull,
  totalPoints: numberOrNull,
  redeemablePoints: numberOrNull,
  monthlyPoints: numberOrNull,
  weeklyPoints: numberOrNull,
  isActive: z.boolean().nullable().catch(null),
  dateLastUpdated: dateOrNull,
  tierInfo: tierInfoSchema.nullable().catch(null),
});

/**
 * The stored jsonb back as a profile. Never throws: what cannot be read is `null`, and a missing or
 * unreadable `dateLastUpdated` is taken from the row's own column (`fallbackDate`).
 */
export function reviveStoredProfile(json: unknown, fallbackDate: Date): StoredProfile {
  const record = json !== null && typeof json === "object" && !Array.isArray(json) ? json : {};
  const profile = storedProfileSchema.parse(record);
  return { ...profile, dateLastUpdated: profile.dateLastUpdated ?? fallbackDate };
}
