import { type Program, type ProgramTier, rankedTiers, tierById, tierRank } from "./program.ts";

// Available, locked or hidden: how an activity appears to a member, as CrowdTwist flags it for that
// member (user activities), and as a manager previews it for any tier (activity extended).

/** Structurally a subset of the crowdtwist client's `UserActivity`. */
export interface MemberTierFlags {
  isHiddenByTier: boolean;
  isLockedByTier: boolean;
  minTierId: string | null;
}

export type MemberVisibility =
  | { state: "available" }
  | { state: "locked"; unlockTier: ProgramTier | null }
  | { state: "hidden" };

/**
 * CrowdTwist has already decided for this member; we only name the unlocking tier. When both flags
 * are set, hidden wins: the upstream asked us not to show it, and showing it locked would leak it.
 */
export function memberVisibility(flags: MemberTierFlags, program: Program): MemberVisibility {
  if (flags.isHiddenByTier) return { state: "hidden" };
  if (flags.isLockedByTier) return { state: "locked", unlockTier: tierById(program, flags.minTierId) };
  return { state: "available" };
}

/** Structurally a subset of the crowdtwist client's `ActivityExtended`. */
export interface TierRule {
  minTierId: string | null;
  /** Below `minTierId`: true shows the activity locked, false hides it. */
  showAsLockedByTier: boolean;
}

export type HiddenReason = "tier" | "segment";

/** `unknownTier`: a tier id in play is missing from the program config, so this is a best guess. */
export type PreviewVisibility =
  | { state: "available"; unknownTier: boolean }
  | { state: "locked"; unlockTier: ProgramTier | null; unknownTier: boolean }
  | { state: "hidden"; reason: HiddenReason; unknownTier: boolean };

/**
 * What a member of `tierId` would see. A `minTierId` the program does not list is read as "above
 * every tier but the top": the top tier sees it, everyone else gets what `showAsLockedByTier` says,
 * with no unlock tier to name. A member tier the program does not list ranks below every tier.
 */
export function visibilityForTier(program: Program, tierId: string, rule: TierRule): PreviewVisibility {
  if (rule.minTierId === null) return { state: "available", unknownTier: false };
  const minTier = tierById(program, rule.minTierId);
  const memberRank = tierRank(program, tierId);
  const unknownTier = minTier === null || memberRank < 0;
  const topRank = rankedTiers(program).length - 1;
  const meets =
    minTier === null
      ? memberRank >= 0 && memberRank === topRank
      : memberRank >= tierRank(program, minTier.id);
  if (meets) return { state: "available", unknownTier };
  return rule.showAsLockedByTier
    ? { state: "locked", unlockTier: minTier, unknownTier }
    : { state: "hidden", reason: "tier", unknownTier };
}
