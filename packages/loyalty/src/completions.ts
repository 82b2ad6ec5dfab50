import {
  completionsLeft,
  completionsPerPeriod,
  type FrequencyPeriod,
  type FrequencyRule,
} from "./frequency.ts";

// What a member has done of a capped activity, as the portal shows it: "2 of 5 this week", and
// "done" for an activity that can never be earned again (its lifetime cap is reached). The counts
// come from the member's recorded completions (CrowdTwist's User Activity feed), counted in the
// rule's window (period-boundary.ts `countingWindow`).

/** Completions in the current period against what the period allows, in completions. */
export interface CompletionProgress {
  /** Completions recorded in the current period. */
  count: number;
  /**
   * Completions that earn points in a period: the rule's cap (awards) times the completions each
   * award takes, so `count` and `cap` are in the same unit.
   */
  cap: number;
  period: FrequencyPeriod;
}

export interface ActivityCompletion {
  /** The lifetime cap is reached: the activity can never be earned again. */
  done: boolean;
  /** `null` without a rule or without a count (not known, or a period we cannot place). */
  progress: CompletionProgress | null;
}

const NOT_KNOWN: ActivityCompletion = { done: false, progress: null };

/**
 * `completionsInPeriod` is `null` when the count is not known: nothing is claimed then (an activity
 * is never called done, nor capped, on a guess).
 */
export function activityCompletion(
  rule: FrequencyRule | null | undefined,
  completionsInPeriod: number | null | undefined,
): ActivityCompletion {
  if (!rule || rule.period === "unknown") return NOT_KNOWN;
  if (typeof completionsInPeriod !== "number" || !Number.isFinite(completionsInPeriod)) return NOT_KNOWN;
  const count = Math.max(0, Math.floor(completionsInPeriod));
  return {
    done: rule.period === "lifetime" && completionsLeft(rule, count) === 0,
    progress: { count, cap: completionsPerPeriod(rule), period: rule.period },
  };
}
