import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeSegmentChanges } from "../live-push/feeds/segment-store.ts";
import { storeUserActivities } from "../live-push/feeds/user-activity-store.ts";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import type { ActivityDetails } from "./activity-catalog.ts";
import { createMemberActivityState } from "./member-activity-state.ts";

// One statement reads every period's count from the clock alone; each capped activity then takes its
// own period's. The same completions, counted for activities capped per day, week, month, year,
// rolling windows and lifetime, in a zone whose day starts at 04:00 UTC (New York, summer time).

const ZONE = "America/New_York";
// Wednesday 22 May 2024, 10:00 in New York.
const now = new Date("2024-05-22T14:00:00Z");
const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);

// Completions of every activity id below, by age: 2 h (today), 12 h (yesterday evening, within 24 h),
// 40 h (Monday, this week), 60 h (Sunday 20 May, last week), 10 days (this month), 25 days (April,
// within 30 days), 200 days (last year, within 365 days), 400 days; and a redemption 1 h ago, which is
// no completion.
const AGES_H = [2, 12, 40, 60, 240, 600, 4_800, 9_600];

const PERIODS: [periodId: string, expected: number][] = [
  ["2", 1], // one calendar day: 2 h
  ["1", 2], // 24 hours: 2 h, 12 h
  ["4", 3], // one calendar week (from Monday): 2, 12, 40 h
  ["3", 4], // seven calendar days: + 60 h
  ["6", 5], // one calendar month: + 10 days
  ["9", 6], // 30 days: + 25 days
  ["7", 6], // one calendar year (since 1 January 2024): the 200 days (November 2023) are not
  ["8", 7], // 365 days: + 200 days
  ["5", 8], // lifetime: every completion
];

const described = (periodId: string): ActivityDetails => ({
  publicTitle: "",
  publicDescription: "",
  frequency: { cap: 10, periodId, periodName: null, requiredAttempts: null },
  pointsOnClick: false,
  redirectUrl: null,
  channelId: null,
  segment: null,
  alidaActivityId: null,
});

let store: TestDatabase;
beforeAll(async () => {
  store = await openTestDatabase();
  const rows = PERIODS.flatMap(([periodId]) => [
    ...AGES_H.map((hours) => ({ periodId, hours, points: 50 })),
    { periodId, hours: 1, points: -200 },
  ]);
  await storeUserActivities(
    store.db,
    rows.map(({ periodId, hours, points }, i) => ({
      userActivityId: `state-${i}`,
      memberKey: "ava",
      activityId: `a${periodId}`,
      points,
      occurredAt: hoursAgo(hours),
      activityName: null,
      translatedTitle: null,
      referenceId: null,
      receivedAt: now,
    })),
  );
  await storeSegmentChanges(
    store.db,
    (["entered", "exited"] as const).map((event, i) => ({
      memberKey: "ava",
      type: "segment" as const,
      subscriptionId: `s${i}`,
      name: null,
      event,
      trigger: null,
      dateOccurred: hoursAgo(5),
      receivedAt: now,
    })),
  );
});
afterAll(() => store.close());

describe("member activity state", () => {
  const state = () => createMemberActivityState({ db: store.db, timeZone: ZONE });
  const details = new Map(PERIODS.map(([periodId]) => [`a${periodId}`, described(periodId)]));

  it.each(PERIODS)("period %s counts %i completions", async (periodId, expected) => {
    const read = await state().read("ava", details, now);
    expect(read.completionsInPeriod.get(`a${periodId}`)).toBe(expected);
  });

  it("counts nothing for activities without a cap or with a period it cannot tell, and 0 for none yet", async () => {
    const more = new Map(details);
    more.set("uncapped", { ...described("2"), frequency: null });
    more.set("odd", described("99"));
    more.set("never-done", described("4"));
    const read = await (await state().recorded("ava", now)).stateFor(more);
    expect(read.completionsInPeriod.has("uncapped")).toBe(false);
    expect(read.completionsInPeriod.has("odd")).toBe(false);
    expect(read.completionsInPeriod.get("never-done")).toBe(0);
  });

  it("for a reached rolling cap, finds the completion whose leaving the window frees a slot", async () => {
    const capped = (periodId: string, cap: number, requiredAttempts: number | null = null) => ({
      ...described(periodId),
      frequency: { cap, periodId, periodName: null, requiredAttempts },
    });
    const read = await state().read(
      "ava",
      new Map([
        ["a1", capped("1", 2)], // 24 hours, 2 of 2 (2 h, 12 h): the 12 h one
        ["a3", capped("3", 1, 3)], // 7 days, 3 completions an award, 4 counted: the third newest, 40 h
        ["a9", capped("9", 6)], // 30 days, 6 of 6: the oldest counted, 25 days
        ["a8", capped("8", 10)], // 365 days, 7 of 10: not reached
        ["a2", capped("2", 1)], // a calendar day: its boundary is the calendar's
        ["a6", capped("1", 0)], // a cap of zero: no completion frees anything
      ]),
      now,
    );
    expect(read.completionsInPeriod.get("a3")).toBe(4);
    expect([...read.slotFreedBy].sort()).toEqual([
      ["a1", hoursAgo(12)],
      ["a3", hoursAgo(40)],
      ["a9", hoursAgo(600)],
    ]);
  });

  it("says which segments the member is in and which they left; another member has nothing", async () => {
    const read = await state().read("ava", details, now);
    expect([...read.segments]).toEqual(
      expect.arrayContaining([
        ["s0", true],
        ["s1", false],
      ]),
    );
    const ben = await state().read("ben", details, now);
    expect(ben.segments.size).toBe(0);
    expect([...ben.completionsInPeriod.values()].every((count) => count === 0)).toBe(true);
  });
});
