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
// takes to keep the current one. CrowdTwist's own numbers (Live Push `tierInfo`) win when given;
// the program's tier table fills the gaps.

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
  /** The timeframe score. */
  score: number | null;
  /** Points still needed to reach the next tier (a remainder, not a threshold). */
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
  pointsToNext: number | null;
  /** 0..1 through the current tier's band toward `next.minScore`; 1 at the top. */
  progress: number;
  maintain: TierMaintenance | null;
  resetDate: Date | null;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);
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
  const base = {
    current,
    next,
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
  const needed = finite(input.scoreNeededToReach)
    ? input.scoreNeededToReach
    : finite(input.score)
      ? next.minScore - input.score
      : null;
  const pointsToNext = needed === null ? null : Math.max(0, Math.ceil(needed));
  return { ...base, isTopTier: false, pointsToNext, progress: progressInBand(current, next, pointsToNext) };
}

// Measured from the remainder rather than the score, so CrowdTwist's own remainder drives the bar
// when it disagrees with the program's thresholds.
function progressInBand(current: TierRef | null, next: TierRef, pointsToNext: number | null): number {
  if (pointsToNext === null) return 0;
  const band = next.minScore - (current?.minScore ?? 0);
  if (band <= 0) return pointsToNext === 0 ? 1 : 0;
  return clamp01((band - pointsToNext) / band);
}
