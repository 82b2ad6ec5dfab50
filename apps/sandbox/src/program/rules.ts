import type { SeedActivity, SeedTier } from "./seed-types.ts";

// The sandbox's own reading of CrowdTwist's rules, used to answer per-member questions so that the
// user-activities endpoint agrees with the extended one.

const DAY_MS = 86_400_000;

export interface ActivityWindow {
  start: Date | null;
  end: Date | null;
}

export function activityWindow(activity: SeedActivity, startedAt: Date): ActivityWindow {
  const at = (days: number | null) => (days === null ? null : new Date(startedAt.getTime() + days * DAY_MS));
  return { start: at(activity.startInDays), end: at(activity.endInDays) };
}

export function isOpen(window: ActivityWindow, now: Date): boolean {
  return (window.start === null || window.start <= now) && (window.end === null || now < window.end);
}

/** Tiers are ranked by their minimum score; a member "meets" a tier at or above it. */
export function meetsTier(
  tiers: readonly SeedTier[],
  memberTierId: number,
  minTierId: number | null,
): boolean {
  if (minTierId === null) return true;
  const rank = (id: number) => tiers.find((tier) => tier.id === id)?.minValue ?? Number.POSITIVE_INFINITY;
  return rank(memberTierId) >= rank(minTierId);
}

export interface TierVisibility {
  isLockedByTier: boolean;
  isHiddenByTier: boolean;
}

/** `show_as_locked_by_tier` decides what a member below `min_tier_id` gets: locked (true) or hidden (false). */
export function tierVisibility(
  tiers: readonly SeedTier[],
  memberTierId: number,
  activity: SeedActivity,
): TierVisibility {
  if (meetsTier(tiers, memberTierId, activity.minTierId)) {
    return { isLockedByTier: false, isHiddenByTier: false };
  }
  return activity.showAsLockedByTier
    ? { isLockedByTier: true, isHiddenByTier: false }
    : { isLockedByTier: false, isHiddenByTier: true };
}

export function inSegment(activity: SeedActivity, memberSegments: readonly number[]): boolean {
  if (activity.segment === null) return true;
  const member = memberSegments.includes(activity.segment.subscriptionId);
  return activity.segment.eligibility === "inclusion" ? member : !member;
}

/**
 * Points the sandbox awards for one completion: the best single campaign, as the demo program is set
 * up. A "bonus points campaign" whose multiplier is 0 has no multiplier: it gives its point gift on
 * top of the activity's points, as one sent with multiplier 1 does.
 */
export function awardedPoints(activity: SeedActivity): number {
  const withCampaigns = activity.campaigns.map((campaign) =>
    Math.round(
      activity.numPoints * (campaign.multiplier === 0 ? 1 : campaign.multiplier) + campaign.pointGift,
    ),
  );
  return Math.max(activity.numPoints, ...withCampaigns);
}

/** The tier a timeframe score reaches. */
export function tierForScore(tiers: readonly SeedTier[], score: number): SeedTier {
  const sorted = [...tiers].sort((a, b) => b.minValue - a.minValue);
  const reached = sorted.find((tier) => score >= tier.minValue) ?? sorted.at(-1);
  if (!reached) throw new Error("the program has no tiers");
  return reached;
}
