import { describe, expect, it } from "vitest";
import { bronze, gold, silver, testProgram } from "./program-fixture.ts";
import { type TierProgressInput, tierProgress } from "./tier-progress.ts";

const now = new Date("2026-03-10T12:00:00Z");
const program = testProgram();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const level = (title: string, minValue: number | null, maxValue: number | null) => ({
  title,
  minValue,
  maxValue,
});

type Journey = Omit<TierProgressInput, "program" | "now">;

describe("tierProgress: the journey to the next tier", () => {
  it.each<[string, Journey, object]>([
    [
      "CrowdTwist's numbers",
      {
        currentTierId: bronze.id,
        score: 400,
        scoreNeededToReach: 600,
        nextLevel: level("Silver", 1000, 2499),
      },
      { current: bronze, next: silver, isTopTier: false, pointsToNext: 600, progress: 0.4 },
    ],
    [
      "the program's thresholds when CrowdTwist gives none",
      { currentTierId: bronze.id, score: 250 },
      { current: bronze, next: silver, pointsToNext: 750, progress: 0.25 },
    ],
    [
      "CrowdTwist's remainder wins over the program's arithmetic",
      { currentTierId: bronze.id, score: 250, scoreNeededToReach: 100 },
      { next: silver, pointsToNext: 100, progress: 0.9 },
    ],
    [
      "the middle tier's band",
      { currentTierId: silver.id, score: 1750 },
      { current: silver, next: gold, pointsToNext: 750, progress: 0.5 },
    ],
    [
      "the top tier",
      { currentTierId: gold.id, score: 3000, scoreNeededToReach: null, nextLevel: null },
      { current: gold, next: null, isTopTier: true, pointsToNext: null, progress: 1 },
    ],
    [
      "a score far above the top tier",
      { currentTierId: gold.id, score: 1_000_000 },
      { current: gold, next: null, isTopTier: true, pointsToNext: null, progress: 1 },
    ],
    [
      "a score past the next threshold before CrowdTwist promotes",
      { currentTierId: bronze.id, score: 1500 },
      { current: bronze, next: silver, pointsToNext: 0, progress: 1 },
    ],
    [
      "a negative remainder clamps to 0",
      { currentTierId: bronze.id, score: 1500, scoreNeededToReach: -500 },
      { pointsToNext: 0, progress: 1 },
    ],
    ["a fractional remainder rounds up", { currentTierId: bronze.id, score: 999.5 }, { pointsToNext: 1 }],
    [
      "no score and no remainder",
      { currentTierId: bronze.id, score: null },
      { current: bronze, next: silver, pointsToNext: null, progress: 0 },
    ],
    [
      "a NaN score counts as no score",
      { currentTierId: silver.id, score: Number.NaN },
      { current: silver, pointsToNext: null, progress: 0 },
    ],
    [
      "no score but CrowdTwist's remainder",
      { currentTierId: bronze.id, score: null, scoreNeededToReach: 300 },
      { pointsToNext: 300, progress: 0.7 },
    ],
    [
      "an unknown id, found by CrowdTwist's title",
      { currentTierId: "99", currentLevel: level(" SILVER", 1000, 2499), score: 1200 },
      { current: silver, next: gold },
    ],
    [
      "no id or title: the score names the tier",
      { score: 1200 },
      { current: silver, next: gold, pointsToNext: 1300 },
    ],
    [
      "the id wins over the score (a maintained tier)",
      { currentTierId: silver.id, score: 10 },
      { current: silver, next: gold, pointsToNext: 2490, progress: 0 },
    ],
    [
      "titles the program does not list",
      {
        currentLevel: level("Tier 1", null, 999),
        nextLevel: level("Tier 2", 1000, 2499),
        score: 500,
        scoreNeededToReach: 500,
      },
      {
        current: { id: null, title: "Tier 1", minScore: 0, maxScore: 999 },
        next: { id: null, title: "Tier 2", minScore: 1000, maxScore: 2499 },
        isTopTier: false,
        pointsToNext: 500,
        progress: 0.5,
      },
    ],
    [
      "an unlisted tier above the program's top",
      { currentLevel: level("Platinum", 5000, null), score: 6000 },
      {
        current: { id: null, title: "Platinum", minScore: 5000, maxScore: null },
        next: null,
        isTopTier: true,
      },
    ],
    [
      "an unlisted tier: the next is the first listed tier above the score",
      { currentLevel: level("Starter", null, 99), score: 50 },
      { next: silver, pointsToNext: 950, progress: 0.05 },
    ],
  ])("%s", (_name, journey, expected) => {
    expect(tierProgress({ program, now, ...journey })).toMatchObject(expected);
  });

  it("knows nothing in a program without tiers", () => {
    expect(tierProgress({ program: testProgram({ tiers: [] }), now, score: 100 })).toEqual({
      current: null,
      next: null,
      isTopTier: false,
      pointsToNext: null,
      progress: 0,
      maintain: null,
      resetDate: null,
    });
  });

  it("passes the reset date through", () => {
    const resetDate = inDays(40);
    expect(tierProgress({ program, now, score: 0, resetDate }).resetDate).toBe(resetDate);
  });
});

describe("tierProgress: keeping the current tier", () => {
  it("uses the program's at-risk threshold", () => {
    const journey = {
      now,
      currentTierId: gold.id,
      score: 3000,
      scoreNeededToMaintain: 100,
      expirationDate: inDays(20),
    };
    expect(tierProgress({ program, ...journey }).maintain?.atRisk).toBe(false);
    expect(tierProgress({ program: testProgram({ atRiskDays: 30 }), ...journey }).maintain?.atRisk).toBe(
      true,
    );
  });
});
