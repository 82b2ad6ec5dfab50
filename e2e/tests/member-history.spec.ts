import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SANDBOX_URL } from "../system.ts";
import { card, expectNoAxeViolations, signIn } from "./member-helpers.ts";

// What ava sees of CrowdTwist's Data Push feeds, driven through the sandbox's controls, each arriving
// live (no reload): a completion in her points history within 2 s, a once-only activity done, a
// capped one counted, her expiring points on the tier card, a segment she enters bringing its
// activity, a redemption as negative points; the history page passes axe in English and French, and
// a manager's preview shows her history and segments.
//
// These steps move ava for good in the portal's database (completions and orders stay after a
// sandbox reset, ADR 0030), so they run in order, as one group, on a freshly reset sandbox; the
// reset at the end puts her points, expiring points and segments back. Later specs rely on none of
// what stays: a done activity is not "available", and no other spec reads her history.

const SHOTS = join(import.meta.dirname, "..", "..", "docs", "screenshots");
mkdirSync(SHOTS, { recursive: true });

const FOLLOW = { id: 102, title: "Follow us on Twitter" }; // once only (lifetime cap 1)
const SHARE = { id: 103, title: "Share a post on Facebook" }; // 3 a week
const STREAK = { segment: 1628, title: "Login streak bonus" }; // only for the "5x Login Streak" segment
const GIFT_CARD = { id: 947563, title: "$20 Gift Card", cost: 300 };

/** Live updates reach the page within this long of the sandbox's answer. */
const LIVE_MS = 2_000;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  expect((await request.post(`${SANDBOX_URL}/sandbox/reset`)).ok()).toBe(true);
});

test.afterAll(async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});

/** Signs ava in with her live stream open, and marks the document so a reload would show. */
async function signInLive(page: Page) {
  const stream = page.waitForResponse((response) => response.url().endsWith("/api/me/events"));
  await signIn(page, "ava");
  expect((await stream).status()).toBe(200);
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
}

const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

const historyList = (page: Page, name = "Points history") => page.getByRole("list", { name });

async function sandbox(page: Page, path: string, data?: unknown) {
  const response = await page.request.post(`${SANDBOX_URL}/sandbox/members/ava/${path}`, { data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

test("a completion appears in ava's points history within 2 s, without a reload", async ({ page }) => {
  await signInLive(page);
  await page.getByRole("region", { name: "Your tier" }).getByRole("link", { name: "Points history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Points history" })).toBeFocused();
  await expect(page).toHaveURL(/\/history$/);
  // Her history before: whatever earlier specs left, or nothing yet.
  await expect(page.getByRole("heading", { name: "No points yet" }).or(historyList(page))).toBeVisible();

  const { awarded } = await sandbox(page, `complete/${FOLLOW.id}`);
  // What is about to expire is listed above, as on the tier card.
  await expect(page.getByRole("list", { name: "Points expiring" }).getByRole("listitem").first()).toHaveText(
    /^100 pts expire in 1[12] days, on /,
  );
  const newest = historyList(page).getByRole("listitem").first();
  await expect(newest).toContainText(FOLLOW.title, { timeout: LIVE_MS });
  await expect(newest).toContainText(`+${awarded} pts`);
  expect(await sameDocument(page)).toBe(true);
});

test("on her home: the once-only activity is done, the capped one counts her completion live", async ({
  page,
}) => {
  await signInLive(page);
  const follow = card(page, FOLLOW.title);
  await expect(follow.getByText("Done", { exact: true })).toBeVisible();
  await expect(follow.locator("[data-activity-action]")).toHaveCount(0);
  await expect(follow.getByRole("button", { name: "Why can't I do this?" })).toHaveCount(0);

  const before = await page.evaluate(async (id) => {
    const body = (await (await fetch("/api/me/activities")).json()) as {
      activities: { id: string; progress?: { count: number } | null }[];
    };
    return body.activities.find((a) => a.id === id)?.progress?.count ?? 0;
  }, String(SHARE.id));
  await sandbox(page, `complete/${SHARE.id}`);
  await expect(card(page, SHARE.title).getByText(`${before + 1} of 3 times this week`)).toBeVisible({
    timeout: LIVE_MS,
  });
  expect(await sameDocument(page)).toBe(true);
});

test("her points about to expire are on the tier card, with their date, as a warning within 30 days", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "ava");
  const expiring = page.getByRole("list", { name: "Points expiring" });
  // The seed's nearest: 100 points in 12 days (11 once the sandbox has run past midnight).
  const nearest = expiring.getByRole("listitem").first();
  await expect(nearest).toHaveText(/^100 pts expire in 1[12] days, on [A-Z][a-z]+ \d{1,2}(, \d{4})?$/);
  await expect(nearest.locator("svg")).toHaveCount(1);
  // On a phone the later ones wait behind "More about your tier".
  await expect(expiring.getByRole("listitem").nth(1)).toBeHidden();
  await page.getByRole("button", { name: "More about your tier" }).click();
  await expect(expiring.getByRole("listitem").nth(1)).toHaveText(
    /^150 pts expire on [A-Z][a-z]+ \d{1,2}(, \d{4})?$/,
  );
});

test("a segment she enters brings its activity, live; leaving it takes the activity away", async ({
  page,
}) => {
  await signInLive(page);
  await expect(card(page, STREAK.title)).toHaveCount(0);
  await sandbox(page, `segments/${STREAK.segment}`, { event: "entered" });
  await expect(card(page, STREAK.title)).toBeVisible({ timeout: LIVE_MS });
  await sandbox(page, `segments/${STREAK.segment}`, { event: "exited" });
  await expect(card(page, STREAK.title)).toHaveCount(0, { timeout: LIVE_MS });
  expect(await sameDocument(page)).toBe(true);
});

test("a redemption shows in her history as negative points, said in words", async ({ page }) => {
  await signInLive(page);
  await page.goto("/history");
  await expect(page.getByRole("heading", { level: 1, name: "Points history" })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  await sandbox(page, `redeem/${GIFT_CARD.id}`);
  const newest = historyList(page).getByRole("listitem").first();
  await expect(newest).toContainText(GIFT_CARD.title, { timeout: LIVE_MS });
  await expect(newest).toContainText(`−${GIFT_CARD.cost} pts`);
  await expect(newest).toContainText("Redeemed");
  await expect(newest).toHaveAttribute("data-kind", "redeemed");
  expect(await sameDocument(page)).toBe(true);
});

test("the history page: no axe violations in English and French, desktop and phone; screenshots", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "ava");
  await page.goto("/history");
  await expect(historyList(page).getByRole("listitem").first()).toBeVisible();
  for (const size of [
    { width: 1280, height: 900 },
    { width: 360, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SHOTS, "points-history-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SHOTS, "points-history-mobile.png") });

  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "Français" });
  await expect(page.getByRole("heading", { level: 1, name: "Historique des points" })).toBeVisible();
  await expect(historyList(page, "Historique des points").getByRole("listitem").first()).toContainText(
    "Échangé",
  );
  for (const size of [
    { width: 1280, height: 900 },
    { width: 360, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
  }
});

test("a manager's preview of ava shows her latest history and the segments she moved through", async ({
  page,
}) => {
  await page.goto("/manage/preview");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill("morgan");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Member id", { exact: true }).fill("ava");
  await page.getByLabel("Reason").fill("Support ticket: checking her points history");
  await page.getByRole("button", { name: "Preview" }).click();
  const history = page.getByRole("region", { name: "Points history" });
  await expect(history.getByRole("listitem").first()).toContainText(GIFT_CARD.title);
  await expect(history).toContainText(FOLLOW.title);
  const segments = page.getByRole("region", { name: "Segments" });
  await expect(segments.getByRole("row", { name: /5x Login Streak/ })).toContainText("Left ");
  await expect(segments.getByRole("row", { name: /New York Members/ })).toContainText("In since");
});
