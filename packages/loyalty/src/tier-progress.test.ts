import { describe, expect, it } from "vitest";
import { bronze, gold, silver, testProgram } from "./program-fixture.ts";
import { type TierProgressInput, tierProgress, tierScoreOf } from "./tier-progress.ts";

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
      "the score and threshold win over a remainder that disagrees, so the card adds up",
      { currentTierId: bronze.id, score: 250, scoreNeededToReach: 100 },
      { next: silver, score: 250, pointsToNext: 750, progress: 0.25 },
    ],
    [
      "ben: 1,600 of Gold's 2,500 is 900 to go and a bar at 64 %",
      { currentTierId: silver.id, score: 1600, scoreNeededToReach: 900 },
      { current: silver, next: gold, score: 1600, pointsToNext: 900, progress: 0.64 },
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
      { currentTierId: silver.id, score: 0 },
      { current: silver, next: gold, pointsToNext: 2500, progress: 0 },
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
    // Kept by maintenance with a score below its own floor: the next tier is above the tier held.
    [
      "an unlisted tier held above the score: the next is above the tier, not the score",
      { currentLevel: level("Silver Plus", 1500, 2499), score: 500 },
      { next: gold, pointsToNext: 2000, progress: 0.2 },
    ],
    [
      "an unlisted tier starting where a listed one does: the next is above both",
      { currentLevel: level("Silver Club", 1000, 2499), score: 1000 },
      { next: gold, pointsToNext: 1500 },
    ],
    // A next tier that starts at nothing: there is no bar to fill, only reached or not.
    [
      "a next tier from 0, reached",
      { currentLevel: null, nextLevel: level("Tier 1", null, 999), score: 0 },
      { pointsToNext: 0, progress: 1 },
    ],
    [
      "a next tier from 0, still points to go by CrowdTwist's word",
      { currentLevel: null, nextLevel: level("Tier 1", null, 999), score: null, scoreNeededToReach: 50 },
      { pointsToNext: 50, progress: 0 },
    ],
  ])("%s", (_name, journey, expected) => {
    expect(tierProgress({ program, now, ...journey })).toMatchObject(expected);
  });

  it("knows nothing in a program without tiers", () => {
    expect(tierProgress({ program: testProgram({ tiers: [] }), now, score: 100 })).toEqual({
      current: null,
      next: null,
      isTopTier: false,
      score: 100,
      ladder: [],
      pointsToNext: null,
      progress: 0,
      maintain: null,
      resetDate: null,
    });
  });

  it("lists every tier with its threshold, with the tiers CrowdTwist names that the program lacks", () => {
    expect(tierProgress({ program, now, currentTierId: silver.id, score: 1600 }).ladder).toEqual([
      bronze,
      silver,
      gold,
    ]);
    const platinum = { id: null, title: "Platinum", minScore: 5000, maxScore: null };
    expect(
      tierProgress({ program, now, currentLevel: level("Platinum", 5000, null), score: 6000 }).ladder,
    ).toEqual([bronze, silver, gold, platinum]);
    // An unlisted tier takes its place by threshold, and one named as both current and next shows once.
    const silverPlus = { id: null, title: "Silver Plus", minScore: 1500, maxScore: 2499 };
    expect(
      tierProgress({
        program,
        now,
        currentLevel: level("Silver Plus", 1500, 2499),
        nextLevel: level("Silver Plus", 1500, 2499),
        score: 1600,
      }).ladder,
    ).toEqual([bronze, silver, silverPlus, gold]);
  });

  it("the numbers add up: score + points to go = threshold, and the bar is score / threshold", () => {
    for (const score of [0, 1, 250, 999, 1000, 1600, 2499, 2500, 4200]) {
      for (const tier of [bronze, silver, gold]) {
        const journey = tierProgress({ program, now, currentTierId: tier.id, score, scoreNeededToReach: 7 });
        if (!journey.next) continue;
        expect(journey.pointsToNext).toBe(Math.max(0, journey.next.minScore - score));
        expect(journey.progress).toBeCloseTo(Math.min(1, score / journey.next.minScore), 10);
      }
    }
  });

  it("passes the reset date through", () => {
    const resetDate = inDays(40);
    expect(tierProgress({ program, now, score: 0, resetDate }).resetDate).toBe(resetDate);
  });
});

// The Live Push document's own tierInfo sample: a member who dropped to Tier 1 (0..999) with a
// timeframe score of 1200, tierScore and score 0, Tier 2 from 1000 and scoreNeededToReach 1000.
const documentSample = {
  tierScore: 0,
  timeframeScore: 1200,
  score: 0,
  scoreNeededToReach: 1000,
  currentLevel: level("Tier 1", null, 999),
  nextLevel: level("Tier 2", 1000, 2499),
};

describe("tierScoreOf: the score that counts toward tiers", () => {
  it.each<[string, Parameters<typeof tierScoreOf>[0], number | null]>([
    ["the document's sample: 0, not the timeframe score of 1200", documentSample, 0],
    ["tierScore first", { tierScore: 1600, score: 1500, timeframeScore: 1800 }, 1600],
    ["score when tierScore is missing", { tierScore: null, score: 1500, timeframeScore: 1800 }, 1500],
    ["never the timeframe score", { tierScore: null, score: null, timeframeScore: 1800 }, null],
    ["NaN is no score", { tierScore: Number.NaN, score: 40, timeframeScore: null }, 40],
    ["no block", null, null],
  ])("%s", (_name, scores, expected) => {
    expect(tierScoreOf(scores)).toBe(expected);
  });

  it("reads the document's sample as 1000 points to Tier 2, a bar at 0, inside Tier 1's band", () => {
    const journey = tierProgress({
      program,
      now,
      currentLevel: documentSample.currentLevel,
      nextLevel: documentSample.nextLevel,
      score: tierScoreOf(documentSample),
      scoreNeededToReach: documentSample.scoreNeededToReach,
    });
    expect(journey).toMatchObject({
      current: { id: null, title: "Tier 1", minScore: 0, maxScore: 999 },
      next: { id: null, title: "Tier 2", minScore: 1000, maxScore: 2499 },
      score: 0,
      pointsToNext: 1000,
      progress: 0,
    });
    // The sample agrees with itself only under this reading: the score is inside Tier 1, and the
    // remainder is the next threshold less that score.
    expect(journey.score).toBeLessThanOrEqual(documentSample.currentLevel.maxValue ?? 0);
    expect(journey.pointsToNext).toBe(documentSample.scoreNeededToReach);
    // Read as the tier score, the timeframe score would put the member past Tier 2 with 0 to go.
    expect(documentSample.timeframeScore).toBeGreaterThan(documentSample.nextLevel.minValue ?? 0);
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
