import { describe, expect, it } from "vitest";
import { type CampaignInput, effectivePoints, roundPoints } from "./effective-points.ts";
import type { CampaignStacking } from "./program.ts";

const campaign = (multiplier: number, pointGift: number, title = `×${multiplier} +${pointGift}`) => ({
  title,
  multiplier,
  pointGift,
});
const triple = campaign(3, 0);
const gift = campaign(1, 50);
const both = campaign(2, 50);
const half = campaign(1.5, 0);

type Row = [string, number, CampaignInput[], number, boolean[]];

const cases: Record<CampaignStacking, Row[]> = {
  best_single: [
    ["no campaigns", 100, [], 100, []],
    ["multiplier only", 100, [triple], 300, [true]],
    ["gift only", 100, [gift], 150, [true]],
    ["multiplier and gift", 100, [both], 250, [true]],
    ["two campaigns: the better wins", 100, [both, triple], 300, [false, true]],
    ["two campaigns tied: the first wins", 100, [campaign(2, 0), campaign(1, 100)], 200, [true, false]],
    ["fractional multiplier", 1000, [half], 1500, [true]],
    ["fractional result rounds half up", 25, [half], 38, [true]],
    ["float noise does not round down (1.15 × 10)", 10, [campaign(1.15, 0)], 12, [true]],
    ["a campaign worth less than the activity is not applied", 100, [campaign(0.5, 0)], 100, [false]],
  ],
  additive: [
    ["no campaigns", 100, [], 100, []],
    ["multiplier only", 100, [triple], 300, [true]],
    ["gift only", 100, [gift], 150, [true]],
    ["multiplier and gift", 100, [both], 250, [true]],
    ["two campaigns add their boosts", 100, [triple, both], 450, [true, true]],
    ["multiplier plus gift campaign", 100, [triple, gift], 350, [true, true]],
    ["fractional multiplier", 1000, [half], 1500, [true]],
    ["fractional result rounds half up", 25, [half], 38, [true]],
    ["two halves add to double", 25, [half, half], 50, [true, true]],
    ["boosts below zero clamp at 0", 100, [campaign(0, 0), campaign(0, 0)], 0, [true, true]],
  ],
  multiplicative: [
    ["no campaigns", 100, [], 100, []],
    ["multiplier only", 100, [triple], 300, [true]],
    ["gift only", 100, [gift], 150, [true]],
    ["multiplier and gift", 100, [both], 250, [true]],
    ["two campaigns multiply", 100, [triple, both], 650, [true, true]],
    ["fractional multiplier", 1000, [half], 1500, [true]],
    ["fractional result rounds half up", 25, [half], 38, [true]],
    ["rounds once at the end (25 × 1.5 × 1.5 = 56.25)", 25, [half, half], 56, [true, true]],
  ],
};

describe.each(Object.entries(cases))("effectivePoints, %s", (stacking, rows) => {
  it.each(rows)("%s", (_name, base, campaigns, effective, applied) => {
    const result = effectivePoints(base, campaigns, stacking as CampaignStacking);
    expect(result.effective).toBe(effective);
    expect(result.bonus).toBe(effective - base);
    expect(result.campaigns.map((entry) => entry.applied)).toEqual(applied);
  });
});

describe("effectivePoints", () => {
  it("reports what each campaign alone yields", () => {
    expect(effectivePoints(25, [half, both], "additive")).toEqual({
      base: 25,
      effective: 113,
      bonus: 88,
      campaigns: [
        { ...half, points: 38, applied: true },
        { ...both, points: 100, applied: true },
      ],
    });
  });

  it("stacks best_single by default", () => {
    expect(effectivePoints(100, [both, triple])).toEqual(effectivePoints(100, [both, triple], "best_single"));
  });

  it.each([
    ["a negative base counts as 0", -100, [gift], 50, 50],
    ["a NaN base counts as 0", Number.NaN, [], 0, 0],
    ["an infinite base counts as 0", Number.POSITIVE_INFINITY, [triple], 0, 0],
    ["a NaN multiplier counts as 1", 100, [campaign(Number.NaN, 0)], 100, 100],
    ["a negative multiplier counts as 1", 100, [campaign(-2, 10)], 110, 110],
    ["a negative gift counts as 0", 100, [campaign(2, -500)], 200, 200],
    ["a NaN gift counts as 0", 100, [campaign(1, Number.NaN)], 100, 100],
  ] as const)("%s", (_name, base, campaigns, effective, firstCampaignPoints) => {
    for (const stacking of ["best_single", "additive", "multiplicative"] as const) {
      const result = effectivePoints(base, campaigns, stacking);
      expect(result.effective).toBe(effective);
      expect(result.base).toBeGreaterThanOrEqual(0);
      if (result.campaigns[0]) expect(result.campaigns[0].points).toBe(firstCampaignPoints);
      for (const entry of result.campaigns) {
        expect(Number.isFinite(entry.multiplier) && Number.isFinite(entry.pointGift)).toBe(true);
      }
    }
  });
});

describe("roundPoints", () => {
  it.each([
    [37.5, 38],
    [37.49, 37],
    [11.499999999999998, 12],
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])("%d → %d", (value, expected) => {
    expect(roundPoints(value)).toBe(expected);
  });
});
