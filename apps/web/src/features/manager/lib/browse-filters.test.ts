import { describe, expect, test } from "vitest";
import { knownActivityFixture } from "../testing/manager-fixtures.ts";
import {
  browseFiltersToSearch,
  EMPTY_FILTERS,
  filterOptions,
  matchesFilters,
  parseBrowseFilters,
} from "./browse-filters.ts";

describe("browse filters in the address", () => {
  test("round-trip", () => {
    const search = "?q=ticket&tag=Tickets&category=Buy&channel=Web&tier=334&state=locked";
    expect(browseFiltersToSearch(parseBrowseFilters(search))).toBe(search);
  });
  test("unknown states are dropped, empty filters make no query", () => {
    expect(parseBrowseFilters("?state=gone&tag=").state).toBeNull();
    expect(browseFiltersToSearch(EMPTY_FILTERS)).toBe("");
  });
});

describe("matchesFilters", () => {
  const ticket = knownActivityFixture({
    id: "105",
    title: "CT-105 season ticket",
    publicTitle: "Buy a season ticket",
    tags: ["Tickets"],
    byTier: [
      { tierId: "334", observed: "locked" },
      { tierId: "345", observed: "available" },
      { tierId: "356", observed: "available" },
    ],
  });
  const filters = (over: Partial<typeof EMPTY_FILTERS>) => ({ ...EMPTY_FILTERS, ...over });

  test.each([
    [filters({ q: "SEASON" }), true],
    [filters({ q: "105" }), true],
    [filters({ q: "lounge" }), false],
    [filters({ tag: "Tickets" }), true],
    [filters({ tag: "Retail" }), false],
    [filters({ state: "locked" }), true],
    [filters({ state: "locked", tier: "334" }), true],
    [filters({ state: "locked", tier: "345" }), false],
    [filters({ state: "hidden" }), false],
  ])("%o → %s", (f, expected) => expect(matchesFilters(ticket, f)).toBe(expected));

  test("a persona who does not get the activity at all counts as hidden", () => {
    const segment = knownActivityFixture({
      id: "113",
      byTier: [{ tierId: "334", observed: "absent" }],
    });
    expect(matchesFilters(segment, filters({ state: "hidden", tier: "334" }))).toBe(true);
  });

  test("options list only the values in use", () => {
    expect(filterOptions([ticket, knownActivityFixture({ id: "1", tags: ["A", "Tickets"] })]).tags).toEqual([
      "A",
      "Tickets",
    ]);
  });
});
