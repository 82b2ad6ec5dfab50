import {
  nextTier,
  type Program,
  type ProgramTier,
  rankedTiers,
  tierById,
  tierByTitle,
  tierForScore,
} from "./program.ts";
import { type TierMaintenance, tierMaintenance } from "./tier-maintenance.ts";

// A member's journey: the tier they hold, the next one and how far along they are, and what it
// takes to keep the current one. The numbers a member sees must add up (docs/decisions/0018): the
// score that counts toward tiers, the next tier's threshold, the points still needed and the bar
// are all made from one score and one threshold; CrowdTwist's own remainder is only the fallback.

/** Structurally the crowdtwist client's `TierLevel` (Live Push `currentLevel` / `nextLevel`). */
export interface TierLevelInput {
  minValue: number | null;
  maxValue: number | null;
  title: string;
}

/** A tier CrowdTwist named that the program config does not list. */
export interface UnlistedTier {
  id: null;
  title: string;
  minScore: number;
  maxScore: number | null;
}

export type TierRef = ProgramTier | UnlistedTier;

export interface TierProgressInput {
  program: Program;
  currentTierId?: string | null;
  /** CrowdTwist's `currentLevel`; used when the id is missing or not in the program. */
  currentLevel?: TierLevelInput | null;
  /** The score that counts toward tiers (see `tierScoreOf`), never the timeframe score. */
  score: number | null;
  /** Points still needed to reach the next tier; used only when the score is not known. */
  scoreNeededToReach?: number | null;
  nextLevel?: TierLevelInput | null;
  /** Points still needed to keep the current tier; `null` when the tier needs no maintaining. */
  scoreNeededToMaintain?: number | null;
  expirationDate?: Date | null;
  resetDate?: Date | null;
  now: Date;
}

export interface TierProgress {
  current: TierRef | null;
  next: TierRef | null;
  isTopTier: boolean;
  /** The score that counts toward tiers, as used for `pointsToNext` and `progress`; `null` if unknown. */
  score: number | null;
  /** `next.minScore − score`, never below 0 (CrowdTwist's remainder when the score is unknown). */
  pointsToNext: number | null;
  /** 0..1 from 0 to `next.minScore`, i.e. `(next.minScore − pointsToNext) / next.minScore`; 1 at the top. */
  progress: number;
  /** Every tier with its threshold, lowest first: the program's, plus any CrowdTwist named that it lacks. */
  ladder: TierRef[];
  maintain: TierMaintenance | null;
  resetDate: Date | null;
}

const finite = (value: number | null | undefined): value is number => Number.isFinite(value);

/** The score fields of a Live Push `tierInfo` block (structurally the crowdtwist client's `TierInfo`). */
export interface TierScores {
  tierScore: number | null;
  score: number | null;
  timeframeScore: number | null;
}

/**
 * The score that counts toward tiers: `tierScore`, else `score` (the document describes both as "the
 * points earned while the member is in a tier"). Never `timeframeScore`: the document's own sample
 * holds a timeframe score of 1200 in a tier that ends at 999 with 1000 still needed (ADR 0018).
 */
export function tierScoreOf(scores: TierScores | null | undefined): number | null {
  if (!scores) return null;
  if (finite(scores.tierScore)) return scores.tierScore;
  return finite(scores.score) ? scores.score : null;
}
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function fromLevel(program: Program, level: TierLevelInput | null | undefined): TierRef | null {
  if (!level) return null;
  return (
    tierByTitle(program, level.title) ?? {
      id: null,
      title: level.title,
      // CrowdTwist sends no minimum for a tier that starts at nothing.
      minScore: finite(level.minValue) ? level.minValue : 0,
      maxScore: finite(level.maxValue) ? level.maxValue : null,
    }
  );
}

function resolveNext(input: TierProgressInput, current: TierRef | null): TierRef | null {
  const named = fromLevel(input.program, input.nextLevel);
  if (named) return named;
  if (current?.id) return nextTier(input.program, current.id);
  const score = finite(input.score) ? input.score : 0;
  const floor = Math.max(score, current?.minScore ?? Number.NEGATIVE_INFINITY);
  return rankedTiers(input.program).find((tier) => tier.minScore > floor) ?? null;
}

export function tierProgress(input: TierProgressInput): TierProgress {
  // The score only names the tier as a last resort: a member may hold a tier their score no longer
  // reaches (maintenance), so CrowdTwist's id or title is the truth when we have either.
  const current =
    tierById(input.program, input.currentTierId) ??
    fromLevel(input.program, input.currentLevel) ??
    (finite(input.score) ? tierForScore(input.program, input.score) : null);
  const next = resolveNext(input, current);
  const score = finite(input.score) ? input.score : null;
  const base = {
    current,
    next,
    score,
    ladder: ladderOf(input.program, [current, next]),
    maintain: tierMaintenance({
      scoreNeededToMaintain: input.scoreNeededToMaintain ?? null,
      expirationDate: input.expirationDate ?? null,
      atRiskDays: input.program.atRiskDays,
      now: input.now,
    }),
    resetDate: input.resetDate ?? null,
  };
  if (next === null) {
    return { ...base, isTopTier: current !== null, pointsToNext: null, progress: current ? 1 : 0 };
  }
  // The shown score and threshold decide; a remainder that disagrees with them would make the card
  // not add up. CrowdTwist's remainder only stands in when the score is unknown.
  const needed =
    score !== null
      ? next.minScore - score
      : finite(input.scoreNeededToReach)
        ? input.scoreNeededToReach
        : null;
  const pointsToNext = needed === null ? null : Math.max(0, Math.ceil(needed));
  return { ...base, isTopTier: false, pointsToNext, progress: progressTo(next, pointsToNext) };
}

// From 0 to the next threshold, so "1,600 of 2,500" is a bar at 64 %: tier scores may restart at 0
// in a tier (a maintained or dropped member), so the current tier's floor is no fixed start.
function progressTo(next: TierRef, pointsToNext: number | null): number {
  if (pointsToNext === null) return 0;
  if (next.minScore <= 0) return pointsToNext === 0 ? 1 : 0;
  return clamp01((next.minScore - pointsToNext) / next.minScore);
}

function ladderOf(program: Program, named: (TierRef | null)[]): TierRef[] {
  const tiers: TierRef[] = rankedTiers(program);
  for (const tier of named) {
    // A listed tier is there already; so is an unlisted one named twice (as current and next).
    if (tier && !tiers.some((t) => t.title === tier.title)) tiers.push(tier);
  }
  return tiers.sort((a, b) => a.minScore - b.minScore);
}
