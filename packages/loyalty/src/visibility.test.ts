import { describe, expect, it } from "vitest";
import { bronze, gold, silver, testProgram } from "./program-fixture.ts";
import { memberVisibility, visibilityForTier } from "./visibility.ts";

const program = testProgram();

describe("memberVisibility", () => {
  it.each([
    ["no flags", false, false, null, { state: "available" }],
    ["no flags but a min tier the member meets", false, false, "20", { state: "available" }],
    ["locked, known min tier", false, true, "30", { state: "locked", unlockTier: gold }],
    ["locked, unknown min tier", false, true, "99", { state: "locked", unlockTier: null }],
    ["locked, no min tier given", false, true, null, { state: "locked", unlockTier: null }],
    ["hidden", true, false, "30", { state: "hidden" }],
    ["hidden and locked: hidden wins", true, true, "30", { state: "hidden" }],
  ] as const)("%s", (_name, isHiddenByTier, isLockedByTier, minTierId, expected) => {
    expect(memberVisibility({ isHiddenByTier, isLockedByTier, minTierId }, program)).toEqual(expected);
  });
});

describe("visibilityForTier", () => {
  const locked = (unlockTier: typeof gold | null, unknownTier = false) => ({
    state: "locked",
    unlockTier,
    unknownTier,
  });
  const hidden = (unknownTier = false) => ({ state: "hidden", reason: "tier", unknownTier });
  const available = (unknownTier = false) => ({ state: "available", unknownTier });

  it.each([
    ["no min tier", bronze.id, null, true, available()],
    ["no min tier, unknown member tier", "99", null, false, available()],
    ["member at the min tier", silver.id, silver.id, false, available()],
    ["member above the min tier", gold.id, silver.id, false, available()],
    ["member below, shown locked", bronze.id, silver.id, true, locked(silver)],
    ["member below, hidden", bronze.id, silver.id, false, hidden()],
    ["unknown min tier, top tier sees it", gold.id, "99", false, available(true)],
    ["unknown min tier, below the top, shown locked", silver.id, "99", true, locked(null, true)],
    ["unknown min tier, below the top, hidden", bronze.id, "99", false, hidden(true)],
    ["unknown member tier ranks lowest", "99", bronze.id, true, locked(bronze, true)],
  ] as const)("%s", (_name, tierId, minTierId, showAsLockedByTier, expected) => {
    expect(visibilityForTier(program, tierId, { minTierId, showAsLockedByTier })).toEqual(expected);
  });

  it("ranks by score, not by the order of the config", () => {
    const shuffled = testProgram({ tiers: [gold, bronze, silver] });
    const rule = { minTierId: silver.id, showAsLockedByTier: false };
    expect(visibilityForTier(shuffled, gold.id, rule).state).toBe("available");
    expect(visibilityForTier(shuffled, bronze.id, rule).state).toBe("hidden");
  });

  it("shows an unknown min tier to the one tier of a single-tier program, its top", () => {
    const single = testProgram({ tiers: [bronze] });
    expect(visibilityForTier(single, bronze.id, { minTierId: "99", showAsLockedByTier: false })).toEqual(
      available(true),
    );
  });

  it("has no top tier to show an unknown min tier to in a program without tiers", () => {
    const empty = testProgram({ tiers: [] });
    expect(visibilityForTier(empty, "10", { minTierId: "99", showAsLockedByTier: true })).toEqual(
      locked(null, true),
    );
  });
});
