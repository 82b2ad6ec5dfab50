import { describe, expect, test } from "vitest";
import { activitiesFixture } from "../../../testing/fixtures.ts";
import { applyFilters, DEFAULT_FILTERS, type Filters, filtersToSearch, parseFilters } from "./filters.ts";

const ids = (filters: Partial<Filters>) =>
  applyFilters(activitiesFixture(), { ...DEFAULT_FILTERS, ...filters }).map((a) => a.id);

describe("applyFilters", () => {
  test("all keeps the BFF's order", () =>
    expect(ids({})).toEqual(["117", "109", "110", "116", "105", "106", "118"]));
  test.each([
    ["available", ["117", "109", "110"]],
    ["locked", ["105", "106"]],
    ["upcoming", ["116"]],
    ["ending_soon", ["117"]],
  ] as const)("show %s", (show, expected) => expect(ids({ show })).toEqual(expected));
  test("by category", () => expect(ids({ category: "4" })).toEqual(["109", "105"]));
  test("category and state together", () => expect(ids({ category: "4", show: "locked" })).toEqual(["105"]));
  test("most points first", () =>
    expect(ids({ sort: "points" })).toEqual(["105", "109", "110", "106", "116", "118", "117"]));
  test("ending soon first, open-ended and ended last in their old order", () =>
    expect(ids({ sort: "ending" })).toEqual(["117", "109", "110", "116", "105", "106", "118"]));
});

describe("the address", () => {
  test("round-trips", () => {
    const filters: Filters = { category: "2", show: "locked", sort: "points" };
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
  });
  test("defaults leave it empty", () => expect(filtersToSearch(DEFAULT_FILTERS)).toBe(""));
  test("nonsense falls back to the defaults", () =>
    expect(parseFilters("?category=9&show=hidden&sort=random")).toEqual(DEFAULT_FILTERS));
});
