import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { activateLocale } from "../../lib/i18n/i18n.ts";
import { progressText, shownProgress } from "./progress-text.ts";
import { earningTexts } from "./why-text.ts";

// "2 of 5 times this week" for every period, in English and French, the cap choosing the plural.

afterAll(() => activateLocale("en"));

describe.each([
  [
    "en",
    [
      "1 of 1 time today",
      "2 of 3 times this week",
      "1 of 2 times this month",
      "1 of 4 times this year",
      "3 of 3 times in the last 24 hours",
      "1 of 2 times in the last 7 days",
      "1 of 1 time in the last 30 days",
      "5 of 10 times in the last 365 days",
      "1 of 3 times so far",
    ],
  ],
  [
    "fr",
    [
      "1 fois sur 1 aujourd’hui",
      "2 fois sur 3 cette semaine",
      "1 fois sur 2 ce mois-ci",
      "1 fois sur 4 cette année",
      "3 fois sur 3 au cours des dernières 24 heures",
      "1 fois sur 2 au cours des 7 derniers jours",
      "1 fois sur 1 au cours des 30 derniers jours",
      "5 fois sur 10 au cours des 365 derniers jours",
      "1 fois sur 3 jusqu’ici",
    ],
  ],
] as const)("progress in %s", (locale, texts) => {
  test("each period in its own words", async () => {
    await activateLocale(locale);
    expect(
      [
        { count: 1, cap: 1, period: "day" },
        { count: 2, cap: 3, period: "week" },
        { count: 1, cap: 2, period: "month" },
        { count: 1, cap: 4, period: "year" },
        { count: 3, cap: 3, period: "rolling_24h" },
        { count: 1, cap: 2, period: "rolling_7d" },
        { count: 1, cap: 1, period: "rolling_30d" },
        { count: 5, cap: 10, period: "rolling_365d" },
        { count: 1, cap: 3, period: "lifetime" },
      ].map((progress) => progressText(progress as Parameters<typeof progressText>[0])),
    ).toEqual(texts);
  });
});

describe("what the card says of progress", () => {
  beforeAll(() => activateLocale("en"));
  const rule = { cap: 3, period: "week", requiredAttempts: 1 } as const;
  test("before the first completion of the period, the rule; after it, the count in its place", () => {
    const activity = { frequency: rule, pointsOnClick: false, action: null, done: false };
    expect(earningTexts({ ...activity, progress: { count: 0, cap: 3, period: "week" } })).toEqual([
      "Up to 3 times a week",
    ]);
    expect(earningTexts({ ...activity, progress: { count: 1, cap: 3, period: "week" } })).toEqual([
      "1 of 3 times this week",
    ]);
  });
  test("nothing once done, nothing without a known count", () => {
    expect(shownProgress({ done: true, progress: { count: 1, cap: 1, period: "lifetime" } })).toBeNull();
    expect(shownProgress({ done: false, progress: null })).toBeNull();
    expect(shownProgress({ done: undefined, progress: undefined })).toBeNull();
  });
});
