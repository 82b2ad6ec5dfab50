import { expect, type Page, test } from "@playwright/test";
import { SANDBOX_URL } from "../system.ts";
import { expectNoAxeViolations, signIn } from "./member-helpers.ts";

// The tier card's numbers and history (docs/decisions/0018): what ben reads adds up, with every
// threshold and the date his tier is kept until; an activity that keeps ava's tier never grows her
// history.

const tierCard = (page: Page) => page.getByRole("region", { name: "Your tier" });
const currentTier = (page: Page) =>
  tierCard(page).getByText("Current tier").locator("xpath=following-sibling::p[1]");
const historyItems = (page: Page) =>
  tierCard(page).getByRole("region", { name: "Tier history" }).getByRole("listitem");
const whole = (text: string) => Number(text.replaceAll(",", ""));

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${SANDBOX_URL}/sandbox/reset`)).ok()).toBe(true);
});
test.afterEach(async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});

test("ben's tier card: tier points, thresholds, points to go and the bar agree, with the keep date", async ({
  page,
}) => {
  // The axe check runs in both colour schemes over the whole page: slow on a busy machine.
  test.setTimeout(60_000);
  await signIn(page, "ben");
  const card = tierCard(page);
  await expect(currentTier(page)).toHaveText("Silver");
  await expect(card.getByText("2,350 pts earned in all")).toBeVisible();
  await expect(card.getByText("1,900 pts to spend")).toBeVisible();
  await expect(card).toContainText("come off what you can spend — never off what you've earned");

  // The ladder, opened from the card: each tier with the tier points it starts at.
  await card.getByRole("button", { name: "Every tier and its benefits" }).click();
  const ladder = card.getByRole("list", { name: "Every tier and its benefits" });
  await expect(ladder.locator(":scope > li")).toHaveText([
    /^BronzeWhere everyone starts/,
    /^SilverFrom 1,000 tier pts/,
    /^GoldFrom 2,500 tier pts/,
  ]);

  // The numbers add up: score + to go = Gold's threshold, and the bar is score / threshold.
  const scoreText = await card.getByText(/^[\d,]+ of [\d,]+ tier pts$/).textContent();
  const [, score = "", threshold = ""] = /^([\d,]+) of ([\d,]+) tier pts$/.exec(scoreText ?? "") ?? [];
  expect([whole(score), whole(threshold)]).toEqual([1600, 2500]);
  const toGoText = await card.getByText(/^[\d,]+ pts to Gold$/).textContent();
  const toGo = whole(/^([\d,]+)/.exec(toGoText ?? "")?.[1] ?? "");
  expect(whole(score) + toGo).toBe(whole(threshold));
  const bar = card.getByRole("progressbar", { name: "Progress to Gold" });
  await expect(bar).toHaveAttribute(
    "aria-valuenow",
    String(Math.round((whole(score) / whole(threshold)) * 100)),
  );
  await expect(bar).toHaveAttribute("aria-valuetext", "1,600 of 2,500 tier pts, 900 pts to Gold");

  // Silver needs 1,000 tier points a year; ben has 1,600, so it's his until at least its date.
  await expect(card.getByText(/^You've earned enough to keep Silver: it's yours until at least /)).toHaveText(
    /until at least [A-Z][a-z]+ \d{1,2}(, \d{4})?\.$/,
  );
  await expect(historyItems(page)).toHaveText([/^You reached Silver on /]);
  await expectNoAxeViolations(page);
});

test("ava completes an activity that keeps her tier: her points move live, her history does not grow", async ({
  page,
  request,
}) => {
  await signIn(page, "ava");
  const card = tierCard(page);
  await expect(currentTier(page)).toHaveText("Bronze");
  await expect(historyItems(page)).toHaveText([/^You started at Bronze on /]);
  const before = await historyItems(page).allTextContents();

  const completed = await request.post(`${SANDBOX_URL}/sandbox/members/ava/complete/101`);
  expect(completed.ok()).toBe(true);
  const result = (await completed.json()) as { tierChanged: boolean; totalPoints: number };
  expect(result.tierChanged).toBe(false);

  await expect(card.getByText(`${result.totalPoints.toLocaleString("en-US")} pts earned in all`)).toBeVisible(
    {
      timeout: 5000,
    },
  );
  await expect(currentTier(page)).toHaveText("Bronze");
  expect(await historyItems(page).allTextContents()).toEqual(before);
  await expect(card.getByText(/points were updated/)).toHaveCount(0);
  // Still adds up after the update.
  const scoreText = (await card.getByText(/^[\d,]+ of 1,000 tier pts$/).textContent()) ?? "";
  const toGoText = (await card.getByText(/^[\d,]+ pts to Silver$/).textContent()) ?? "";
  expect(whole(scoreText.split(" ")[0] ?? "") + whole(toGoText.split(" ")[0] ?? "")).toBe(1000);
});
