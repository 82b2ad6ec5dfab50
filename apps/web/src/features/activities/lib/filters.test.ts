import { describe, expect, test } from "vitest";
import { activitiesFixture, activityFixture } from "../../../testing/fixtures.ts";
import { applyFilters, DEFAULT_FILTERS, type Filters, filtersToSearch, parseFilters } from "./filters.ts";

const ids = (filters: Partial<Filters>) =>
  applyFilters(activitiesFixture(), { ...DEFAULT_FILTERS, ...filters }).map((a) => a.id);

describe("applyFilters", () => {
  test("the default keeps the BFF's order and leaves ended activities out", () =>
    expect(ids({})).toEqual(["117", "109", "110", "116", "105", "106"]));
  test.each([
    ["available", ["117", "109", "110"]],
    ["locked", ["105", "106"]],
    ["upcoming", ["116"]],
    ["ending_soon", ["117"]],
    ["ended", ["118"]],
  ] as const)("show %s", (show, expected) => expect(ids({ show })).toEqual(expected));
  test("an ended activity is under Ended only, also when it was locked", () => {
    const list = [
      activityFixture({
        id: "1",
        title: "over",
        window: { start: null, end: "2026-01-01T00:00:00.000Z", state: "expired", daysLeft: null },
      }),
      activityFixture({
        id: "2",
        title: "over and locked",
        visibility: { state: "locked", unlockTier: null },
        window: { start: null, end: "2026-01-01T00:00:00.000Z", state: "expired", daysLeft: null },
      }),
    ];
    for (const show of ["all", "available", "locked", "upcoming", "ending_soon"] as const)
      expect(applyFilters(list, { ...DEFAULT_FILTERS, show })).toEqual([]);
    expect(applyFilters(list, { ...DEFAULT_FILTERS, show: "ended" }).map((a) => a.id)).toEqual(["1", "2"]);
  });
  test("an activity whose forum is closed is not available", () => {
    const forum = activityFixture({
      id: "112",
      title: "Join the fan forum",
      why: [{ kind: "community", block: "closed", community: "forum", action: "none" }],
    });
    expect(applyFilters([forum], { ...DEFAULT_FILTERS, show: "available" })).toEqual([]);
    expect(applyFilters([forum], DEFAULT_FILTERS)).toEqual([forum]);
  });
  test("an activity done for good, or whose cap is reached for now, is not available", () => {
    const rule = { cap: 1, period: "lifetime", requiredAttempts: 1 } as const;
    const done = activityFixture({
      id: "102",
      title: "Follow us on Twitter",
      done: true,
      progress: { count: 1, cap: 1, period: "lifetime" },
      why: [{ kind: "frequency_cap", rule, resetsAt: null, action: "none" }],
    });
    const capped = activityFixture({
      id: "103",
      title: "Share a post on Facebook",
      done: false,
      progress: { count: 3, cap: 3, period: "week" },
      why: [
        {
          kind: "frequency_cap",
          rule: { cap: 3, period: "week", requiredAttempts: 1 },
          resetsAt: "2026-12-07T00:00:00.000Z",
          action: "wait",
        },
      ],
    });
    expect(applyFilters([done, capped], { ...DEFAULT_FILTERS, show: "available" })).toEqual([]);
    expect(applyFilters([done, capped], DEFAULT_FILTERS)).toEqual([done, capped]);
  });
  test("by category", () => expect(ids({ category: "4" })).toEqual(["109", "105"]));
  test("category and state together", () => expect(ids({ category: "4", show: "locked" })).toEqual(["105"]));
  test("most points first", () =>
    expect(ids({ sort: "points" })).toEqual(["105", "109", "110", "106", "116", "117"]));
  test("ending soon first, open-ended last in their old order", () =>
    expect(ids({ sort: "ending" })).toEqual(["117", "109", "110", "116", "105", "106"]));
});

describe("the address", () => {
  test("the ended filter lives in the address", () => {
    expect(filtersToSearch({ ...DEFAULT_FILTERS, show: "ended" })).toBe("?show=ended");
    expect(parseFilters("?show=ended").show).toBe("ended");
  });
  test("round-trips", () => {
    const filters: Filters = { category: "2", show: "locked", sort: "points" };
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
  });
  test("defaults leave it empty", () => expect(filtersToSearch(DEFAULT_FILTERS)).toBe(""));
  test("nonsense falls back to the defaults", () =>
    expect(parseFilters("?category=9&show=hidden&sort=random")).toEqual(DEFAULT_FILTERS));
});
