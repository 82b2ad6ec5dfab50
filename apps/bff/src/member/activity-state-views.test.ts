import type { ActivityType } from "@portal/crowdtwist/activity-types";
import type { UserActivityInput } from "@portal/loyalty/member-activity";
import { testProgram } from "@portal/loyalty/program-fixture";
import { planTierPath } from "@portal/loyalty/tier-path";
import { describe, expect, it } from "vitest";
import { type MemberActivityState, plannable, toActivityViews } from "./activity-views.ts";

// A member's cards with what the Data Push feeds recorded (completions in the period, segment
// changes): done, progress, the cap and segment reasons, the call to action, and the tier plan.

const now = new Date("2026-03-10T12:00:00Z"); // a Tuesday
const base: UserActivityInput<ActivityType> = {
  id: "1",
  title: "Share a post",
  description: "",
  numPoints: 300,
  image: "",
  categoryId: "1",
  type: "your_site",
  typeId: "7",
  dateStart: null,
  dateEnd: null,
  minTierId: null,
  isHiddenByTier: false,
  isLockedByTier: false,
  campaigns: [],
  redirectUrl: "https://brand.example/share",
  frequency: null,
  segment: null,
};
const weekly = { cap: 3, periodId: "4", periodName: null, requiredAttempts: null };
const onceOnly = { cap: 1, periodId: "5", periodName: null, requiredAttempts: null };
const twicePerSevenDays = { cap: 2, periodId: "3", periodName: null, requiredAttempts: null };
const newYork = { subscriptionId: "2001", eligibility: "inclusion" as const, name: "New York Members" };

const state = (
  completions: [string, number][] = [],
  segments: [string, boolean][] = [],
  slotFreedBy: [string, Date][] = [],
): MemberActivityState => ({
  completionsInPeriod: new Map(completions),
  segments: new Map(segments),
  slotFreedBy: new Map(slotFreedBy),
});
const view = (patch: Partial<UserActivityInput<ActivityType>>, memberState: MemberActivityState) => {
  const [card] = toActivityViews([{ ...base, ...patch }], testProgram(), now, "UTC", undefined, memberState);
  if (!card) throw new Error("no card");
  return card;
};

describe("a card with the member's recorded completions and segments", () => {
  it.each([
    ["no cap, nothing counted", {}, state(), { done: false, progress: null, why: [] }],
    ["a cap, count not known", { frequency: weekly }, state(), { done: false, progress: null, why: [] }],
    [
      "2 of 3 this week",
      { frequency: weekly },
      state([["1", 2]]),
      { done: false, progress: { count: 2, cap: 3, period: "week" }, why: [] },
    ],
    [
      "3 of 3: capped until Monday",
      { frequency: weekly },
      state([["1", 3]]),
      {
        done: false,
        why: [{ kind: "frequency_cap", resetsAt: new Date("2026-03-16T00:00:00Z"), action: "wait" }],
        action: null,
      },
    ],
    [
      "2 of 2 in any 7 days: capped until the completion that filled it is 7 days old",
      { frequency: twicePerSevenDays },
      state([["1", 2]], [], [["1", new Date("2026-03-08T09:30:00Z")]]),
      {
        done: false,
        progress: { count: 2, cap: 2, period: "rolling_7d" },
        why: [{ kind: "frequency_cap", resetsAt: new Date("2026-03-15T09:30:00Z"), action: "wait" }],
        action: null,
      },
    ],
    [
      "a rolling cap without that completion's time: wait, no time",
      { frequency: twicePerSevenDays },
      state([["1", 2]]),
      { why: [{ kind: "frequency_cap", resetsAt: null, action: "wait" }], action: null },
    ],
    [
      "once only, done",
      { frequency: onceOnly },
      state([["1", 1]]),
      { done: true, why: [{ kind: "frequency_cap", resetsAt: null, action: "none" }], action: null },
    ],
    ["in the segment as CrowdTwist said", { segment: newYork }, state(), { why: [] }],
    ["entered it since", { segment: newYork }, state([], [["2001", true]]), { why: [] }],
    [
      "left it since",
      { segment: newYork },
      state([], [["2001", false]]),
      {
        why: [{ kind: "segment", eligibility: "inclusion", segmentName: "New York Members", action: "none" }],
        action: null,
      },
    ],
  ] as const)("%s", (_name, patch, memberState, expected) => {
    expect(view(patch, memberState)).toMatchObject(expected);
  });

  it("has an action when nothing stands in the way", () => {
    expect(view({ frequency: weekly }, state([["1", 1]])).action).toEqual({
      kind: "link",
      url: "https://brand.example/share",
      pointsOnClick: false,
    });
  });
});

describe("the tier plan from the cards", () => {
  const cards = (memberState: MemberActivityState) =>
    toActivityViews(
      [
        { ...base, id: "done", numPoints: 600, frequency: onceOnly },
        { ...base, id: "capped", numPoints: 600, frequency: weekly },
        { ...base, id: "left", numPoints: 600, segment: newYork },
        { ...base, id: "small", numPoints: 100 },
      ],
      testProgram(),
      now,
      "UTC",
      undefined,
      memberState,
    ).map(plannable);

  it("proposes the big activities while the member can still do them", () => {
    const plan = planTierPath({ activities: cards(state()), pointsNeeded: 600, now });
    expect(plan.steps.map((step) => step.activityId)).toHaveLength(1);
  });

  it("stops proposing what is done, capped or for a segment the member left", () => {
    const blocked = state(
      [
        ["done", 1],
        ["capped", 3],
      ],
      [["2001", false]],
    );
    const plan = planTierPath({ activities: cards(blocked), pointsNeeded: 600, now });
    expect(plan).toMatchObject({
      reachable: false,
      steps: [{ activityId: "small", times: 1 }],
      shortfall: 500,
    });
  });
});
