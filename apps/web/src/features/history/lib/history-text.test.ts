import { afterAll, describe, expect, test } from "vitest";
import { activateLocale } from "../../../lib/i18n/i18n.ts";
import { entryTitle, signedPointsText } from "./history-text.ts";

// Signed points and fallback titles, in English and in French (plurals and number spacing differ).

const NNBSP = "\u202f";

afterAll(() => activateLocale("en"));

describe.each([
  ["en", ["+1 pt", "+50 pts", "−1 pt", "−1,500 pts", "No points"], ["Activity 120", "A reward"]],
  [
    "fr",
    ["+1 pt", "+50 pts", "−1 pt", `−1${NNBSP}500 pts`, "Aucun point"],
    ["Activité 120", "Une récompense"],
  ],
] as const)("in %s", (locale, points, titles) => {
  test("points carry their sign, a redemption a minus", async () => {
    await activateLocale(locale);
    expect([1, 50, -1, -1500, 0].map(signedPointsText)).toEqual(points);
  });

  test("an entry without a title reads as its activity, or as a reward", async () => {
    await activateLocale(locale);
    const earned = { kind: "earned", title: null, activityId: "120", reward: null } as const;
    const redeemed = { kind: "redeemed", title: " ", activityId: "900", reward: null } as const;
    // The portal's own words: the page's language.
    expect([entryTitle(earned), entryTitle(redeemed)]).toEqual(
      titles.map((text) => ({ text, lang: undefined })),
    );
    // The brand's words (the reward's title, when only the order carried it): English on a French page.
    const brands = locale === "fr" ? "en" : undefined;
    expect(entryTitle({ ...redeemed, reward: { orderId: "1", title: "Team scarf" } })).toEqual({
      text: "Team scarf",
      lang: brands,
    });
    expect(entryTitle({ ...earned, title: "Buy from the team store" })).toEqual({
      text: "Buy from the team store",
      lang: brands,
    });
    // CrowdTwist's translation for the member: no lang of the brand's.
    expect(entryTitle({ ...earned, title: "Passage quotidien", titleTranslated: true })).toEqual({
      text: "Passage quotidien",
      lang: undefined,
    });
  });
});
