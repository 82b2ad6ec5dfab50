import { describe, expect, test } from "vitest";
import type { ActivityUnavailableReason } from "./activity-types.ts";
import { earningTexts, whyText } from "./why-text.ts";

const thisYear = new Date().getFullYear();
const SILVER = { id: "345", title: "Silver", minScore: 1000 };
// Mondays 00:00 UTC; shown in UTC whatever the machine's zone.
const MONDAY = "2026-11-30T00:00:00.000Z";

describe("whyText", () => {
  test.each<[string, ActivityUnavailableReason, number | null, string]>([
    [
      "tier, score from the card",
      { kind: "tier", unlockTier: SILVER, pointsToGo: null, action: "earn_points" },
      350,
      "Reach Silver to unlock — earn 650 more points",
    ],
    [
      "tier, the BFF's count wins",
      { kind: "tier", unlockTier: SILVER, pointsToGo: 1, action: "earn_points" },
      350,
      "Reach Silver to unlock — earn 1 more point",
    ],
    [
      "tier, nothing to earn when blocked",
      { kind: "tier", unlockTier: SILVER, pointsToGo: 650, action: "none" },
      350,
      "Reach Silver to unlock",
    ],
    [
      "tier unknown to the program",
      { kind: "tier", unlockTier: null, pointsToGo: null, action: "earn_points" },
      350,
      "Reach a higher tier to unlock",
    ],
    [
      "segment",
      { kind: "segment", eligibility: "inclusion", segmentName: "New York Members", action: "none" },
      null,
      "Only for New York Members",
    ],
    [
      "segment excluded",
      { kind: "segment", eligibility: "exclusion", segmentName: "Staff accounts", action: "none" },
      null,
      "Not open to Staff accounts",
    ],
    [
      "not started",
      { kind: "not_started", startsAt: `${thisYear}-12-03T12:00:00.000Z`, daysUntil: 10, action: "wait" },
      null,
      "Opens in 10 days — on December 3",
    ],
    [
      "not started, tomorrow",
      { kind: "not_started", startsAt: `${thisYear}-12-03T12:00:00.000Z`, daysUntil: 1, action: "wait" },
      null,
      "Opens tomorrow — on December 3",
    ],
    [
      "ended",
      { kind: "ended", endedAt: "2026-11-18T00:00:00.000Z", action: "none" },
      null,
      "This activity has ended",
    ],
    [
      "weekly cap",
      {
        kind: "frequency_cap",
        rule: { cap: 3, period: "week", requiredAttempts: 1 },
        resetsAt: MONDAY,
        action: "wait",
      },
      null,
      "You've reached the limit for this week — again from Monday",
    ],
    [
      "daily cap",
      {
        kind: "frequency_cap",
        rule: { cap: 1, period: "day", requiredAttempts: 1 },
        resetsAt: MONDAY,
        action: "wait",
      },
      null,
      "You've reached the limit for today — again tomorrow",
    ],
    [
      "monthly cap",
      {
        kind: "frequency_cap",
        rule: { cap: 1, period: "month", requiredAttempts: 1 },
        resetsAt: "2026-12-01T00:00:00.000Z",
        action: "wait",
      },
      null,
      "You've reached the limit for this month — again from December 1",
    ],
    [
      "lifetime cap",
      {
        kind: "frequency_cap",
        rule: { cap: 1, period: "lifetime", requiredAttempts: 1 },
        resetsAt: null,
        action: "none",
      },
      null,
      "You've done this as many times as it counts",
    ],
    [
      "rolling cap",
      {
        kind: "frequency_cap",
        rule: { cap: 1, period: "rolling_7d", requiredAttempts: 1 },
        resetsAt: null,
        action: "wait",
      },
      null,
      "You've reached the limit for the last 7 days — try again later",
    ],
    [
      "rolling cap, the moment a slot frees up",
      {
        kind: "frequency_cap",
        rule: { cap: 2, period: "rolling_7d", requiredAttempts: 1 },
        resetsAt: "2024-05-23T14:05:00.000Z",
        action: "wait",
      },
      null,
      "You've reached the limit for the last 7 days — you can do this again on Thursday, May 23, 2024 at 2:05 PM",
    ],
    [
      "rolling cap, nothing to wait for",
      {
        kind: "frequency_cap",
        rule: { cap: 1, period: "rolling_24h", requiredAttempts: 1 },
        resetsAt: "2024-05-23T14:05:00.000Z",
        action: "none",
      },
      null,
      "You've reached the limit for the last 24 hours",
    ],
    [
      "a reset that is no date is not shown",
      {
        kind: "frequency_cap",
        rule: { cap: 1, period: "month", requiredAttempts: 1 },
        resetsAt: "not-a-date",
        action: "wait",
      },
      null,
      "You've reached the limit for this month — try again later",
    ],
  ])("%s", (_name, reason, score, text) => expect(whyText(reason, score)).toBe(text));
});

describe("earningTexts", () => {
  test.each([
    [{ cap: 1, period: "day", requiredAttempts: 1 }, false, ["Once a day"]],
    [{ cap: 5, period: "week", requiredAttempts: 1 }, false, ["Up to 5 times a week"]],
    [{ cap: 1, period: "lifetime", requiredAttempts: 1 }, false, ["Once"]],
    [{ cap: 3, period: "rolling_24h", requiredAttempts: 1 }, false, ["Up to 3 times in any 24 hours"]],
    [
      { cap: 1, period: "month", requiredAttempts: 2 },
      true,
      ["Once a month", "Points after every 2 completions", "Points as soon as you open it"],
    ],
    [null, true, ["Points as soon as you open it"]],
    [null, false, []],
  ] as const)("%j, points on click %s", (frequency, pointsOnClick, texts) =>
    expect(earningTexts({ frequency, pointsOnClick, action: null })).toEqual(texts),
  );

  test("points on click are said once: by the link that earns them when there is one", () => {
    const link = { kind: "link", url: "https://brand.example/app", pointsOnClick: true } as const;
    expect(earningTexts({ frequency: null, pointsOnClick: true, action: link })).toEqual([]);
    const instruction = { kind: "instruction", instruction: "sign_in" } as const;
    expect(earningTexts({ frequency: null, pointsOnClick: true, action: instruction })).toEqual([
      "Points as soon as you open it",
    ]);
  });
});
