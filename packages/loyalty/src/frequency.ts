// How often a member may earn an activity, as data the UI phrases ("Once per calendar day", "Up to
// 5 times a week", "Points after every 2 completions"). CrowdTwist sends a period id and a name
// written for its Control Center: the id is the contract, the name only a fallback.

/** Structurally the crowdtwist client's `ActivityFrequency`. */
export interface FrequencyInput {
  cap: number;
  periodId: string;
  periodName: string | null;
  requiredAttempts: number | null;
}

/** Calendar periods restart on a UTC boundary; rolling ones count back from each completion. */
export type FrequencyPeriod =
  | "day"
  | "week"
  | "month"
  | "year"
  | "lifetime"
  | "rolling_24h"
  | "rolling_7d"
  | "rolling_30d"
  | "rolling_365d"
  | "unknown";

export interface FrequencyRule {
  /**
   * Awards per period. The document calls it "times a member can complete", but its own sample
   * pairs a cap of 1 with 2 required attempts, which only makes sense if the cap counts awards.
   */
  cap: number;
  period: FrequencyPeriod;
  /** Completions per award; 1 when CrowdTwist sends none. */
  requiredAttempts: number;
}

// A Map, not an object literal: an id such as "constructor" must not find Object's prototype.
const BY_ID = new Map<string, FrequencyPeriod>([
  ["1", "rolling_24h"],
  ["2", "day"],
  ["3", "rolling_7d"],
  ["4", "week"],
  ["5", "lifetime"],
  ["6", "month"],
  ["7", "year"],
  ["8", "rolling_365d"],
  ["9", "rolling_30d"],
]);

const BY_NAME = new Map<string, FrequencyPeriod>([
  ["24 hours", "rolling_24h"],
  ["one calendar day", "day"],
  ["seven calendar days", "rolling_7d"],
  ["one calendar week", "week"],
  ["lifetime", "lifetime"],
  ["one calendar month", "month"],
  ["one calendar year", "year"],
  ["365 days", "rolling_365d"],
  ["30 days", "rolling_30d"],
]);

const wholeAtLeast = (value: number | null, floor: number) =>
  value !== null && Number.isFinite(value) ? Math.max(floor, Math.floor(value)) : floor;

function periodOf(id: string, name: string | null): FrequencyPeriod {
  const byId = BY_ID.get(id.trim());
  if (byId) return byId;
  // The document marks retired periods "(Inactive)"; an activity may still carry one.
  const key = name
    ?.replace(/\(inactive\)/i, "")
    .trim()
    .toLowerCase();
  return (key && BY_NAME.get(key)) || "unknown";
}

/** `null` in, `null` out: the activity has no frequency rule. */
export function frequencyRule(input: FrequencyInput | null): FrequencyRule | null {
  if (input === null) return null;
  return {
    // A broken cap allows nothing rather than everything: promising points CrowdTwist will not
    // award is worse than hiding an opportunity.
    cap: wholeAtLeast(input.cap, 0),
    period: periodOf(input.periodId, input.periodName),
    requiredAttempts: wholeAtLeast(input.requiredAttempts, 1),
  };
}

const completedSoFar = (completions: number) => wholeAtLeast(completions, 0);

/**
 * Completions that earn points in one period: the cap (awards) times the completions each award
 * takes. Once a rolling window holds this many, the newest this many decide when a slot frees up.
 */
export const completionsPerPeriod = (rule: FrequencyRule): number => rule.cap * rule.requiredAttempts;

/** Awards still to be earned in the current period, given the completions made in it. */
export function awardsLeft(rule: FrequencyRule, completionsInPeriod: number): number {
  return Math.max(0, rule.cap - Math.floor(completedSoFar(completionsInPeriod) / rule.requiredAttempts));
}

/** Completions that still count in the current period ("2 more times today"). */
export function completionsLeft(rule: FrequencyRule, completionsInPeriod: number): number {
  return Math.max(0, completionsPerPeriod(rule) - completedSoFar(completionsInPeriod));
}
