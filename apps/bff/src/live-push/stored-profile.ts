import type { LivePushProfile } from "@portal/crowdtwist/live-push-profile";
import { TIER_EVENTS } from "@portal/crowdtwist/live-push-tier-info";
import { z } from "zod";

// What the portal keeps of a Live Push profile: an explicit allow-list of what a member sees (name,
// tier, points, freshness). Contact details, addresses, social ids, custom data and every id are left
// out — the parsed profile already lacks password/salt/hashAlgorithmId/ipAddress, and this narrows it
// further. Add a field here only when a screen shows it.

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

// jsonb holds the dates as ISO strings (JSON.stringify); reading turns them back into Dates.
const date = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const dateOrNull = date.nullable();
const level = z.object({
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  title: z.string(),
});

const tierInfoSchema = z.object({
  resetDate: dateOrNull,
  dateReached: dateOrNull,
  scoreNeededToReach: z.number().nullable(),
  nextLevel: level.nullable(),
  tierScore: z.number().nullable(),
  timeframeScore: z.number().nullable(),
  assignedByEvent: z.enum(TIER_EVENTS),
  currentLevel: level,
  score: z.number().nullable(),
  daysUntilResetDate: z.number().nullable(),
  daysUntilExpirationDate: z.number().nullable(),
  dateAssigned: dateOrNull,
  expirationDate: dateOrNull,
  scoreNeededToMaintain: z.number().nullable(),
});

const storedProfileSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  fanLevelName: z.string().nullable(),
  totalPoints: z.number(),
  redeemablePoints: z.number(),
  monthlyPoints: z.number().nullable(),
  weeklyPoints: z.number().nullable(),
  isActive: z.boolean(),
  dateLastUpdated: date,
  tierInfo: tierInfoSchema.nullable(),
}) satisfies z.ZodType<StoredProfile, unknown>;

/** The stored jsonb back as a profile; throws if a row does not have the shape this code writes. */
export function reviveStoredProfile(json: unknown): StoredProfile {
  return storedProfileSchema.parse(json);
}
