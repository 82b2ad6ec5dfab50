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
    ["boosts below zero clamp at 0", 100, [campaign(0.2, 0), campaign(0.2, 0)], 0, [true, true]],
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

// A campaign that only gives points comes in two encodings (the document requires both fields):
// multiplier 1 + gift, or multiplier 0 + gift. Both mean the same; 0 is never "times zero" (ADR 0020).
const giftAsZero = campaign(0, 50);
const giftRows: Record<CampaignStacking, Row[]> = {
  best_single: [
    ["×0 + gift adds the gift to the base", 100, [giftAsZero], 150, [true]],
    ["×0 with no gift leaves the base", 100, [campaign(0, 0)], 100, [true]],
    ["×0 + gift next to a multiplier: the better wins", 100, [giftAsZero, triple], 300, [false, true]],
    ["×0 + gift beats a smaller multiplier", 100, [half, campaign(0, 60)], 160, [false, true]],
    ["×0 + gift on a zero-point activity", 0, [giftAsZero], 50, [true]],
  ],
  additive: [
    ["×0 + gift adds the gift to the base", 100, [giftAsZero], 150, [true]],
    ["×0 with no gift leaves the base", 100, [campaign(0, 0)], 100, [true]],
    ["×0 + gift next to a multiplier: both count", 100, [giftAsZero, triple], 350, [true, true]],
    ["both encodings together: two gifts", 100, [giftAsZero, gift], 200, [true, true]],
    ["×0 + gift on a zero-point activity", 0, [giftAsZero], 50, [true]],
  ],
  multiplicative: [
    ["×0 + gift adds the gift to the base", 100, [giftAsZero], 150, [true]],
    ["×0 with no gift leaves the base", 100, [campaign(0, 0)], 100, [true]],
    ["×0 + gift next to a multiplier: both count", 100, [giftAsZero, triple], 350, [true, true]],
    ["both encodings together: two gifts", 100, [giftAsZero, gift], 200, [true, true]],
    ["×0 + gift on a zero-point activity", 0, [giftAsZero], 50, [true]],
  ],
};

describe.each(Object.entries(giftRows))("effectivePoints, gift-only campaigns, %s", (stacking, rows) => {
  it.each(rows)("%s", (_name, base, campaigns, effective, applied) => {
    const result = effectivePoints(base, campaigns, stacking as CampaignStacking);
    expect(result.effective).toBe(effective);
    expect(result.bonus).toBe(effective - base);
    expect(result.campaigns.map((entry) => entry.applied)).toEqual(applied);
  });

  it.each([
    [0, 50],
    [25, 1],
    [200, 100],
    [1000, 0],
  ])("multiplier 0 and multiplier 1 mean the same: base %d, gift %d", (base, pointGift) => {
    const asZero = effectivePoints(base, [campaign(0, pointGift, "Gift")], stacking as CampaignStacking);
    const asOne = effectivePoints(base, [campaign(1, pointGift, "Gift")], stacking as CampaignStacking);
    expect(asZero).toEqual(asOne);
    // Reported as applied, i.e. ×1: the member is never told "0×".
    expect(asZero.campaigns[0]).toMatchObject({ multiplier: 1, points: base + pointGift });
  });
});

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
      stacking: "additive",
      campaigns: [
        { ...half, points: 38, applied: true },
        { ...both, points: 100, applied: true },
      ],
    });
  });

  it("stacks best_single by default", () => {
    expect(effectivePoints(100, [both, triple])).toEqual(effectivePoints(100, [both, triple], "best_single"));
  });

  it.each(["best_single", "additive", "multiplicative"] as const)(
    "says which rule combined them: %s",
    (rule) => {
      expect(effectivePoints(100, [triple], rule).stacking).toBe(rule);
    },
  );

  it.each([
    ["a negative base counts as 0", -100, [gift], 50, 50],
    ["a NaN base counts as 0", Number.NaN, [], 0, 0],
    ["an infinite base counts as 0", Number.POSITIVE_INFINITY, [triple], 0, 0],
    ["a NaN multiplier counts as 1", 100, [campaign(Number.NaN, 0)], 100, 100],
    ["a negative multiplier counts as 1", 100, [campaign(-2, 10)], 110, 110],
    ["a multiplier of -0 counts as 1", 100, [campaign(-0, 10)], 110, 110],
    ["a negative gift counts as 0", 100, [campaign(2, -500)], 200, 200],
    ["a NaN gift counts as 0", 100, [campaign(1, Number.NaN)], 100, 100],
  ] as const)("%s", (_name, base, campaigns, effective, firstCampaignPoints) => {
    for (const stacking of ["best_single", "additive", "multiplicative"] as const) {
      const result = effectivePoints(base, campaigns, stacking);
      expect(result.effective).toBe(effective);
      expect(result.base).toBeGreaterThanOrEqual(0);
      expect(result.campaigns).toHaveLength(campaigns.length);
      if (campaigns.length > 0) expect(result.campaigns[0]?.points).toBe(firstCampaignPoints);
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
