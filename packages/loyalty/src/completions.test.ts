import { describe, expect, it } from "vitest";
import { activityCompletion } from "./completions.ts";
import type { FrequencyRule } from "./frequency.ts";

const rule = (cap: number, period: FrequencyRule["period"], requiredAttempts = 1): FrequencyRule => ({
  cap,
  period,
  requiredAttempts,
});

describe("activityCompletion", () => {
  it.each([
    ["no rule", null, 3, { done: false, progress: null }],
    ["count not known", rule(1, "lifetime"), null, { done: false, progress: null }],
    ["count not a number", rule(1, "lifetime"), Number.NaN, { done: false, progress: null }],
    ["unknown period", rule(1, "unknown"), 1, { done: false, progress: null }],
    [
      "once only, not yet",
      rule(1, "lifetime"),
      0,
      { done: false, progress: { count: 0, cap: 1, period: "lifetime" } },
    ],
    [
      "once only, done",
      rule(1, "lifetime"),
      1,
      { done: true, progress: { count: 1, cap: 1, period: "lifetime" } },
    ],
    [
      "once only, recorded twice (a sandbox reset): still done",
      rule(1, "lifetime"),
      2,
      { done: true, progress: { count: 2, cap: 1, period: "lifetime" } },
    ],
    ["2 of 5 this week", rule(5, "week"), 2, { done: false, progress: { count: 2, cap: 5, period: "week" } }],
    [
      "a weekly cap reached is not done: it comes back",
      rule(5, "week"),
      5,
      { done: false, progress: { count: 5, cap: 5, period: "week" } },
    ],
    [
      "2 completions per award, 5 awards a week: counted in completions",
      rule(5, "week", 2),
      3,
      { done: false, progress: { count: 3, cap: 10, period: "week" } },
    ],
    [
      "lifetime, one award after 2 completions, one made",
      rule(1, "lifetime", 2),
      1,
      { done: false, progress: { count: 1, cap: 2, period: "lifetime" } },
    ],
    [
      "lifetime, one award after 2 completions, both made",
      rule(1, "lifetime", 2),
      2,
      { done: true, progress: { count: 2, cap: 2, period: "lifetime" } },
    ],
    [
      "a lifetime cap of 0 allows nothing: done from the start",
      rule(0, "lifetime"),
      0,
      { done: true, progress: { count: 0, cap: 0, period: "lifetime" } },
    ],
    [
      "a negative or fractional count is read as whole completions",
      rule(3, "day"),
      -2.5,
      { done: false, progress: { count: 0, cap: 3, period: "day" } },
    ],
    [
      "rolling windows count too",
      rule(2, "rolling_24h"),
      1.9,
      { done: false, progress: { count: 1, cap: 2, period: "rolling_24h" } },
    ],
  ] as const)("%s", (_name, frequency, count, expected) => {
    expect(activityCompletion(frequency, count)).toEqual(expected);
  });
});
