// The program settings CrowdTwist "provides separately" (tier ids, titles and thresholds, how
// campaigns stack). The BFF loads and validates them from the program config file; this package
// only reads them.

export interface ProgramTier {
  id: string;
  title: string;
  /** Timeframe score at which a member reaches this tier. */
  minScore: number;
  /** `null` for the top tier, which has no ceiling. */
  maxScore: number | null;
}

/**
 * How several bonus campaigns on one activity combine. `best_single` is what CrowdTwist awards
 * unless the program says otherwise (see docs/decisions/0004-loyalty-rules.md).
 */
export type CampaignStacking = "best_single" | "additive" | "multiplicative";
export const DEFAULT_CAMPAIGN_STACKING: CampaignStacking = "best_single";

export interface Program {
  /** Ordered by `minScore`; the helpers below sort anyway, so a hand-edited file cannot misrank. */
  tiers: readonly ProgramTier[];
  campaignStacking: CampaignStacking;
  /** An activity closing within this many days is "ending soon". */
  endingSoonDays: number;
  /** A tier that must be maintained within this many days is "at risk". */
  atRiskDays: number;
}

/** Tiers from lowest to highest; equal thresholds keep their configured order. */
export function rankedTiers(program: Program): ProgramTier[] {
  return [...program.tiers].sort((a, b) => a.minScore - b.minScore);
}

export function tierById(program: Program, id: string | null | undefined): ProgramTier | null {
  if (id === null || id === undefined) return null;
  return program.tiers.find((tier) => tier.id === id) ?? null;
}

/** Titles come from CrowdTwist's Live Push (`currentLevel.title`), so compare them forgivingly. */
export function tierByTitle(program: Program, title: string | null | undefined): ProgramTier | null {
  const wanted = title?.trim().toLowerCase();
  if (!wanted) return null;
  return program.tiers.find((tier) => tier.title.trim().toLowerCase() === wanted) ?? null;
}

/** 0 for the lowest tier; -1 when the id is not in the program. */
export function tierRank(program: Program, id: string | null | undefined): number {
  return rankedTiers(program).findIndex((tier) => tier.id === id);
}

/** The tier above the given one; `null` at the top or for an unknown id. */
export function nextTier(program: Program, id: string | null | undefined): ProgramTier | null {
  const rank = tierRank(program, id);
  if (rank < 0) return null;
  return rankedTiers(program)[rank + 1] ?? null;
}

/**
 * The highest tier whose threshold the score meets. A score below every threshold (or not a
 * number) still lands in the lowest tier, because every member holds at least the entry tier.
 */
export function tierForScore(program: Program, score: number): ProgramTier | null {
  const ranked = rankedTiers(program);
  const reached = ranked.filter((tier) => score >= tier.minScore).at(-1);
  return reached ?? ranked[0] ?? null;
}
