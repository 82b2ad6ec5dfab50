import { describe, expect, it } from "vitest";
import type { FrequencyRule } from "./frequency.ts";
import { toMemberActivities } from "./member-activity.ts";
import { testProgram } from "./program-fixture.ts";
import { type PathActivity, planTierPath, type TierPathInput } from "./tier-path.ts";

const now = new Date("2026-03-10T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const daily = (cap: number, requiredAttempts = 1): FrequencyRule => ({
  cap,
  period: "day",
  requiredAttempts,
});

function activity(id: string, points: number, fields: Partial<PathActivity> = {}): PathActivity {
  return {
    id,
    title: `Activity ${id}`,
    visibility: { state: "available" },
    window: { start: inDays(-30), end: null },
    points: { effective: points },
    ...fields,
  };
}

const plan = (activities: PathActivity[], pointsNeeded: number, extra: Partial<TierPathInput> = {}) =>
  planTierPath({ activities, pointsNeeded, now, ...extra });
const summary = (result: ReturnType<typeof plan>) =>
  result.steps.map((step) => `${step.activityId}×${step.times}`);

// What a naive UI would do: the biggest single completion first, until the target is covered.
function greedyCount(activities: PathActivity[], pointsNeeded: number): number {
  const sorted = [...activities].sort((a, b) => b.points.effective - a.points.effective);
  let total = 0;
  let count = 0;
  for (const entry of sorted) {
    if (total >= pointsNeeded) break;
    total += entry.points.effective;
    count++;
  }
  return count;
}

describe("planTierPath", () => {
  it.each([
    ["zero", 0],
    ["negative (already there)", -50],
    ["not a number", Number.NaN],
  ])("a target of %s is reached with no steps", (_name, pointsNeeded) => {
    const reached = { reachable: true, steps: [], totalPoints: 0, shortfall: 0 };
    expect(plan([activity("a", 100)], pointsNeeded)).toEqual(reached);
    // Also with nothing the member could do.
    expect(plan([], pointsNeeded)).toEqual(reached);
  });

  it("rounds a fractional remainder up: a point short is not there yet", () => {
    expect(plan([activity("a", 100, { frequency: daily(5), completionsInPeriod: 0 })], 100.2)).toMatchObject({
      reachable: true,
      steps: [{ activityId: "a", times: 2 }],
    });
  });

  it.each([
    [
      "a capped activity repeated beats two big ones",
      [
        activity("a", 600),
        activity("b", 500),
        activity("c", 400, { frequency: daily(3), completionsInPeriod: 0 }),
      ],
      1000,
      ["c×3"],
    ],
    [
      "four mid-size repeats beat the biggest three singles",
      [
        activity("a", 500),
        activity("b", 400),
        activity("c", 300),
        activity("d", 250, { frequency: daily(4), completionsInPeriod: 0 }),
      ],
      1000,
      ["d×4"],
    ],
    [
      "two exact ones beat the biggest two with overshoot",
      [activity("a", 700), activity("b", 500), activity("c", 500)],
      1000,
      ["b×1", "c×1"],
    ],
  ])("fewer activities than largest-first: %s", (_name, activities, pointsNeeded, expected) => {
    const result = plan(activities, pointsNeeded);
    expect(summary(result)).toEqual(expected);
    expect(result.steps.length).toBeLessThanOrEqual(greedyCount(activities, pointsNeeded));
  });

  it("is strictly shorter than largest-first where caps allow repeats", () => {
    const activities = [
      activity("a", 600),
      activity("b", 500),
      activity("c", 400, { frequency: daily(3), completionsInPeriod: 0 }),
    ];
    expect(plan(activities, 1000).steps).toHaveLength(1);
    expect(greedyCount(activities, 1000)).toBe(2);
  });

  it.each([
    ["an uncapped activity counts once", {}, {}, ["a×1", "b×1"]],
    ["unless repeats are allowed", {}, { allowRepeats: true }, ["a×3"]],
    // a×3 would tie b×4 (one activity, 1200) and win as the earlier one, were it allowed.
    [
      "a cap with unknown completions counts once, even with repeats",
      { frequency: daily(5) },
      { allowRepeats: true },
      ["b×4"],
    ],
    [
      "a cap with known completions counts what is left",
      { frequency: daily(5), completionsInPeriod: 2 },
      {},
      ["a×3"],
    ],
    ["a cap partly used leaves too few", { frequency: daily(5), completionsInPeriod: 3 }, {}, ["a×2", "b×1"]],
    ["a cap reached drops the activity", { frequency: daily(2), completionsInPeriod: 2 }, {}, ["b×1"]],
    ["a cap of zero allows nothing", { frequency: daily(0) }, {}, ["b×1"]],
    // A count that cannot be one is as good as none: one award, whatever the cap.
    ...[null, Number.NaN, -1, Number.POSITIVE_INFINITY].map(
      (completionsInPeriod) =>
        [
          `a completion count of ${completionsInPeriod} counts once`,
          { frequency: daily(5), completionsInPeriod },
          { allowRepeats: true },
          ["b×4"],
        ] as const,
    ),
  ] as const)("caps and repeats: %s", (_name, fields, extra, expected) => {
    const activities = [activity("a", 400, fields), activity("b", 300)];
    expect(summary(plan(activities, 1100, extra))).toEqual(expected);
  });

  it.each([
    ["two completions per award", 0, { activityId: "a", title: "Activity a", times: 2, points: 500 }],
    [
      "one completion already made toward it",
      1,
      { activityId: "a", title: "Activity a", times: 1, points: 500 },
    ],
    ["cap of awards reached (2 completions done)", 2, null],
    [
      "completions not known: one award, every attempt",
      null,
      { activityId: "a", title: "Activity a", times: 2, points: 500 },
    ],
  ])("required attempts: %s", (_name, completionsInPeriod, expected) => {
    const activities = [activity("a", 500, { frequency: daily(1, 2), completionsInPeriod })];
    const result = plan(activities, 400);
    expect(result.steps[0] ?? null).toEqual(expected);
    expect(result.reachable).toBe(expected !== null);
  });

  it.each([
    [
      "an activity ending soon wins a tie",
      [activity("open", 500), activity("soon", 500, { window: { start: null, end: inDays(2) } })],
      ["soon×1"],
    ],
    [
      "the sooner of two ending ones",
      [
        activity("later", 500, { window: { start: null, end: inDays(6) } }),
        activity("sooner", 500, { window: { start: null, end: inDays(3) } }),
      ],
      ["sooner×1"],
    ],
    [
      "but never at the cost of overshoot",
      [activity("exact", 500), activity("soon", 600, { window: { start: null, end: inDays(2) } })],
      ["exact×1"],
    ],
    [
      "steps are listed ending soonest first",
      [
        activity("a", 300),
        activity("b", 300, { window: { start: null, end: inDays(5) } }),
        activity("c", 300, { window: { start: null, end: inDays(1) } }),
      ],
      ["c×1", "b×1", "a×1"],
    ],
  ])("tie-breaks: %s", (_name, activities, expected) => {
    const pointsNeeded = expected.length === 3 ? 900 : 500;
    expect(summary(plan(activities, pointsNeeded))).toEqual(expected);
  });

  // The left-out activity alone would reach the target: planning it would make the plan reachable.
  it("lists everything out of reach ending soonest first, equal ends in the member's order", () => {
    const activities = [
      activity("open-1", 100),
      activity("later", 100, { window: { start: null, end: inDays(6) } }),
      activity("open-2", 100),
      activity("sooner", 100, { window: { start: null, end: inDays(3) } }),
      activity("later-too", 100, { window: { start: null, end: inDays(6) } }),
      activity("open-3", 100),
    ];
    expect(summary(plan(activities, 10_000))).toEqual([
      "sooner×1",
      "later×1",
      "later-too×1",
      "open-1×1",
      "open-2×1",
      "open-3×1",
    ]);
  });

  it.each([
    ["locked", { visibility: { state: "locked" } }],
    ["hidden", { visibility: { state: "hidden" } }],
    ["upcoming", { window: { start: inDays(1), end: null } }],
    ["expired", { window: { start: null, end: inDays(-1) } }],
    ["outside its segment", { segmentEligibility: "not_eligible" as const }],
    ["worth nothing", { points: { effective: 0 } }],
    ["worth less than nothing", { points: { effective: -200 } }],
    ["worth an unknown amount", { points: { effective: Number.NaN } }],
  ])("leaves out an activity that is %s", (_name, fields) => {
    const result = plan([activity("x", 1000, fields), activity("a", 500)], 1000);
    expect(result).toMatchObject({ reachable: false, totalPoints: 500, shortfall: 500 });
    expect(summary(result)).toEqual(["a×1"]);
  });

  it.each([
    ["eligible", "eligible" as const],
    ["of unknown eligibility (segments not known)", "unknown" as const],
  ])("plans an activity whose segment the member is %s", (_name, segmentEligibility) => {
    expect(summary(plan([activity("x", 1000, { segmentEligibility })], 1000))).toEqual(["x×1"]);
  });

  it.each([
    ["open", { start: inDays(-1), end: inDays(30) }],
    ["ending soon", { start: null, end: inDays(2) }],
    ["with unreadable dates", { start: "soon", end: "later" }],
  ])("plans an activity that is %s", (_name, window) => {
    expect(summary(plan([activity("x", 1000, { window })], 1000))).toEqual(["x×1"]);
  });

  it("counts fractional points as the whole points a completion awards", () => {
    const activities = [activity("a", 500.9, { frequency: daily(2), completionsInPeriod: 0 })];
    expect(plan(activities, 1001)).toMatchObject({ reachable: false, totalPoints: 1000, shortfall: 1 });
  });

  it("gives everything it can and the shortfall when the target is out of reach", () => {
    const activities = [
      activity("a", 300, { frequency: daily(2), completionsInPeriod: 0 }),
      activity("b", 200),
    ];
    expect(plan(activities, 1000)).toEqual({
      reachable: false,
      steps: [
        { activityId: "a", title: "Activity a", times: 2, points: 600 },
        { activityId: "b", title: "Activity b", times: 1, points: 200 },
      ],
      totalPoints: 800,
      shortfall: 200,
    });
    expect(plan([], 10)).toEqual({ reachable: false, steps: [], totalPoints: 0, shortfall: 10 });
  });

  it("plans from the member's list as the BFF builds it, for reaching or keeping a tier", () => {
    const { activities } = toMemberActivities(
      [
        {
          id: "1",
          title: "Scan",
          description: "",
          numPoints: 200,
          image: "",
          categoryId: null,
          type: null,
          typeId: "7",
          dateStart: null,
          dateEnd: null,
          minTierId: null,
          isHiddenByTier: false,
          isLockedByTier: false,
          campaigns: [{ title: "x2", multiplier: 2, pointGift: 0 }],
        },
        {
          id: "2",
          title: "Review",
          description: "",
          numPoints: 300,
          image: "",
          categoryId: null,
          type: null,
          typeId: "7",
          dateStart: null,
          dateEnd: null,
          minTierId: null,
          isHiddenByTier: false,
          isLockedByTier: true,
          campaigns: [],
        },
      ],
      { program: testProgram(), now },
    );
    // Campaign points count (400, not 200); the locked one is not offered.
    expect(planTierPath({ activities, pointsNeeded: 350, now })).toMatchObject({
      reachable: true,
      totalPoints: 400,
    });
    const scoreNeededToMaintain = 500;
    expect(planTierPath({ activities, pointsNeeded: scoreNeededToMaintain, now })).toMatchObject({
      reachable: false,
      shortfall: 100,
    });
  });

  it("plans over 60 activities with caps and repeats", () => {
    const activities = Array.from({ length: 60 }, (_, index) =>
      activity(`a${index}`, 35 + ((index * 37) % 400), {
        ...(index % 3 === 0 && { frequency: daily(1 + (index % 5)), completionsInPeriod: index % 2 }),
        ...(index % 4 === 0 && { window: { start: null, end: inDays(1 + (index % 9)) } }),
      }),
    );
    for (const pointsNeeded of [997, 4_321, 12_345]) {
      const result = plan(activities, pointsNeeded, { allowRepeats: true });
      expect(result.reachable).toBe(true);
      expect(result.totalPoints).toBeGreaterThanOrEqual(pointsNeeded);
      expect(result.steps.reduce((sum, step) => sum + step.points, 0)).toBe(result.totalPoints);
    }
  });
});
