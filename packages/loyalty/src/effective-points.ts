import { type CampaignStacking, DEFAULT_CAMPAIGN_STACKING } from "./program.ts";

// What a member really earns for an activity once its bonus campaigns are applied. The upstream
// only lists the campaigns; how they combine is a program setting (see program.ts).

/** Structurally the crowdtwist client's `Campaign`. */
export interface CampaignInput {
  title: string;
  multiplier: number;
  pointGift: number;
}

export interface CampaignPoints {
  title: string;
  /** As applied: a multiplier of 0 (a campaign that only gives points) reads as 1. */
  multiplier: number;
  pointGift: number;
  /** What this campaign alone yields: round(base × multiplier + pointGift). */
  points: number;
  /** Whether it counts toward `effective` under the stacking rule. */
  applied: boolean;
}

export interface EffectivePoints {
  base: number;
  effective: number;
  /** `effective − base`; negative only if a stacked campaign's multiplier is below 1. */
  bonus: number;
  campaigns: CampaignPoints[];
  /** The program's rule that combined the campaigns, so that what a member reads says the same. */
  stacking: CampaignStacking;
}

// A broken number from upstream must neither erase nor inflate points: a base or gift that is not
// a finite non-negative number counts as 0, such a multiplier as 1 (no boost).
const orZero = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);
/**
 * A multiplier of 0 is a campaign without one: CrowdTwist requires both fields on every "bonus points
 * campaign", so one that only gives points comes as `multiplier 1` or `multiplier 0` with its
 * `point_gift`. Read as "times 0" it would wipe the activity's points, which no bonus does (ADR 0020).
 */
const orOne = (value: number) => (Number.isFinite(value) && value > 0 ? value : 1);

/**
 * Half-up to whole points, after cancelling binary float noise (1.15 × 10 is 11.499999999999998 in
 * IEEE 754, and a member reading "1.15×" expects 12, not 11). Never below zero.
 */
export function roundPoints(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.round(Math.round(value * 1e6) / 1e6);
}

export function effectivePoints(
  base: number,
  campaigns: readonly CampaignInput[],
  stacking: CampaignStacking = DEFAULT_CAMPAIGN_STACKING,
): EffectivePoints {
  const cleanBase = orZero(base);
  const clean = campaigns.map((campaign) => ({
    title: campaign.title,
    multiplier: orOne(campaign.multiplier),
    pointGift: orZero(campaign.pointGift),
  }));
  const alone = clean.map((campaign) => roundPoints(cleanBase * campaign.multiplier + campaign.pointGift));
  const roundedBase = roundPoints(cleanBase);

  let effective: number;
  let applied: (index: number) => boolean;
  if (stacking === "best_single") {
    // The first campaign with the highest yield wins; one that would pay less than the plain
    // activity is not applied, as CrowdTwist never awards less than the activity's points.
    let winner = -1;
    alone.forEach((points, index) => {
      if (points >= roundedBase && (winner < 0 || points > (alone[winner] ?? 0))) winner = index;
    });
    effective = alone[winner] ?? roundedBase;
    applied = (index) => index === winner;
  } else {
    const gifts = clean.reduce((sum, campaign) => sum + campaign.pointGift, 0);
    const factor =
      stacking === "additive"
        ? 1 + clean.reduce((sum, campaign) => sum + (campaign.multiplier - 1), 0)
        : clean.reduce((product, campaign) => product * campaign.multiplier, 1);
    effective = roundPoints(cleanBase * factor + gifts);
    applied = () => true;
  }

  return {
    base: roundedBase,
    effective,
    bonus: effective - roundedBase,
    campaigns: clean.map((campaign, index) => ({
      ...campaign,
      points: alone[index] ?? 0,
      applied: applied(index),
    })),
    stacking,
  };
}
