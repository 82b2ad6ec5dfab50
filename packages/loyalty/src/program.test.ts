import { describe, expect, it } from "vitest";
import { nextTier, rankedTiers, tierById, tierByTitle, tierForScore, tierRank } from "./program.ts";
import { bronze, gold, silver, testProgram } from "./program-fixture.ts";

const program = testProgram();
const shuffled = testProgram({ tiers: [gold, bronze, silver] });

describe("tier lookups", () => {
  it.each([
    ["a known id", "20", silver],
    ["an unknown id", "99", null],
    ["null", null, null],
    ["undefined", undefined, null],
  ] as const)("tierById: %s", (_name, id, expected) => {
    expect(tierById(program, id)).toEqual(expected);
  });

  it.each([
    ["an exact title", "Gold", gold],
    ["different case and spaces", "  silver ", silver],
    ["an unknown title", "Platinum", null],
    ["an empty title", "  ", null],
    ["null", null, null],
  ] as const)("tierByTitle: %s", (_name, title, expected) => {
    expect(tierByTitle(program, title)).toEqual(expected);
  });

  it("tierByTitle: a title the config pads or capitalises differently", () => {
    const padded = { ...gold, title: " GOLD " };
    expect(tierByTitle(testProgram({ tiers: [bronze, silver, padded] }), "Gold")).toEqual(padded);
  });
});

describe("tier ranking", () => {
  it.each([
    ["lowest", "10", 0, silver],
    ["middle", "20", 1, gold],
    ["top", "30", 2, null],
    ["unknown", "99", -1, null],
    ["null", null, -1, null],
  ] as const)("%s tier: rank and next, whatever the configured order", (_name, id, rank, next) => {
    for (const settings of [program, shuffled]) {
      expect(tierRank(settings, id)).toBe(rank);
      expect(nextTier(settings, id)).toEqual(next);
    }
  });

  it("ranks by minScore", () => {
    expect(rankedTiers(shuffled).map((tier) => tier.id)).toEqual(["10", "20", "30"]);
  });
});

describe("tierForScore", () => {
  it.each([
    ["zero", 0, bronze],
    ["just below silver", 999, bronze],
    ["exactly silver", 1000, silver],
    ["inside gold", 2600, gold],
    ["far above the top", 1_000_000, gold],
    ["negative lands in the entry tier", -5, bronze],
    ["NaN lands in the entry tier", Number.NaN, bronze],
  ] as const)("%s", (_name, score, expected) => {
    expect(tierForScore(shuffled, score)).toEqual(expected);
  });

  it("has no tier to give in a program without tiers", () => {
    expect(tierForScore(testProgram({ tiers: [] }), 500)).toBeNull();
  });
});
