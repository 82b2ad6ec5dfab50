import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, type Response, test } from "@playwright/test";
import { SANDBOX_URL } from "../system.ts";
import { card, expectNoAxeViolations, signIn, tabTo } from "./member-helpers.ts";

// The member portal end to end: sign-in through the sandbox's login page, each demo member's
// activities (locked, hidden, campaign points), a keyboard-only path, accessibility in light and
// dark, and screenshots of the main screens for docs/screenshots.

const SHOTS = join(import.meta.dirname, "..", "..", "docs", "screenshots");
mkdirSync(SHOTS, { recursive: true });

const HIDDEN = {
  "107": "Private collection preview",
  "108": "Members' choice poll",
  "124": "Anniversary scarf",
} as const;

interface Expectation {
  locked: Record<string, string>;
  hidden: (keyof typeof HIDDEN)[];
}

const MEMBERS: Record<"ava" | "ben" | "cleo", Expectation> = {
  ava: {
    locked: {
      "Buy a season ticket": "Silver",
      "Buy concert tickets": "Silver",
      "Check in at the VIP lounge": "Gold",
    },
    hidden: ["107", "108", "124"],
  },
  ben: { locked: { "Check in at the VIP lounge": "Gold" }, hidden: ["107", "124"] },
  cleo: { locked: {}, hidden: [] },
};

/** Every JSON body the page received from the portal's API (the SSE stream never ends, so not that). */
function recordApiBodies(page: Page) {
  const bodies: { url: string; text: Promise<string> }[] = [];
  page.on("response", (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (response.url().includes("/api/") && type.includes("json")) {
      bodies.push({ url: response.url(), text: response.text().catch(() => "") });
    }
  });
  return async () => Promise.all(bodies.map(async ({ url, text }) => ({ url, text: await text })));
}

/** The state filter's radios are visually hidden inside their chip; a pointer clicks the chip. */
async function chooseState(page: Page, name: string) {
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name }) })
    .click();
  await expect(page.getByRole("radio", { name })).toBeChecked();
}

/** Scrolls through once so lazy images are in before a full-page screenshot. */
async function loadLazyImages(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
}

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loadLazyImages(page);
  await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: join(SHOTS, `${name}-desktop-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SHOTS, `${name}-mobile.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeAll(async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});

for (const [username, expected] of Object.entries(MEMBERS)) {
  test(`${username} sees the right activities, locked ones with their tier and no hidden ones`, async ({
    page,
  }) => {
    const bodies = recordApiBodies(page);
    await signIn(page, username);

    const locked = page.getByRole("article").filter({ has: page.getByText("Locked", { exact: true }) });
    const lockedTitles = await locked.getByRole("heading").allInnerTexts();
    expect(lockedTitles.sort()).toEqual(Object.keys(expected.locked).sort());
    // Said once: "Locked", with the tier that opens it behind "Why can't I do this?".
    for (const [title, tier] of Object.entries(expected.locked)) {
      const lockedCard = card(page, title);
      await expect(lockedCard.getByText("Locked", { exact: true })).toHaveCount(1);
      await expect(lockedCard.getByRole("button")).toHaveCount(1);
      await lockedCard.getByRole("button", { name: "Why can't I do this?" }).click();
      await expect(lockedCard.getByText(new RegExp(`^Reach ${tier} to unlock`))).toBeVisible();
    }

    const page_ = await page.content();
    for (const id of expected.hidden) {
      expect(page_).not.toContain(HIDDEN[id]);
      await expect(page.locator(`a[href="/activities/${id}"]`)).toHaveCount(0);
    }
    for (const { url, text } of await bodies()) {
      for (const id of expected.hidden) {
        expect(text, url).not.toContain(HIDDEN[id]);
        expect(text, url).not.toContain(`"id":"${id}"`);
      }
    }
    // The one request for hidden activities a member could make by hand shows nothing either.
    for (const id of expected.hidden) {
      await page.goto(`/activities/${id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Activity not found" })).toBeVisible();
    }
  });
}

test("ava: campaign points are the points she really earns", async ({ page }) => {
  await signIn(page, "ava");
  const winter = card(page, "Redeem a winter code");
  await expect(winter).toContainText("650 pts");
  await expect(winter).toContainText("200 pts base");
  await expect(winter.getByText("3× Winter bonus · +50")).toBeVisible();
  const referral = card(page, "Refer a friend");
  await expect(referral).toContainText("500 pts");
  await expect(referral.getByText("2× Referral month")).toBeVisible();
});

test("filters and sort narrow the grid without a new request", async ({ page }) => {
  await signIn(page, "ava");
  let activityRequests = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/me/activities")) activityRequests++;
  });
  await chooseState(page, "Locked");
  await expect(page.getByRole("article")).toHaveCount(3);
  await page.getByRole("combobox", { name: "Category" }).selectOption({ label: "Buy" });
  await expect(page.getByRole("article")).toHaveCount(2);
  await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Most points" });
  await expect(page.getByRole("article").first()).toHaveAccessibleName("Buy a season ticket");
  expect(activityRequests).toBe(0);
  expect(new URL(page.url()).search).toBe("?category=4&show=locked&sort=points");
});

test("/api/me and /api/me/activities start together", async ({ page }) => {
  await signIn(page, "ben");
  const started: { path: string; at: number }[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path === "/api/me" || path === "/api/me/activities") started.push({ path, at: Date.now() });
  });
  const answered = page.waitForResponse((response) => response.url().endsWith("/api/me/activities"));
  await page.reload();
  await answered;
  expect(started.map((s) => s.path).sort()).toEqual(["/api/me", "/api/me/activities"]);
});

test("keyboard only: sign in, open an activity's details, sign out", async ({ page }) => {
  await page.goto("/");
  await tabTo(page, "Skip to main content");
  await tabTo(page, "Sign in");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Username")).toBeVisible();
  await page.getByLabel("Username").focus();
  await page.keyboard.type("ava");
  await page.keyboard.press("Tab");
  await page.keyboard.type("demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome back, Ava" })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();

  await tabTo(page, "Redeem a winter code");
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { level: 1, name: "Redeem a winter code" });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/\/activities\/109$/);
  await expect(page.getByText("3× Winter bonus · +50")).toBeVisible();

  await page.keyboard.press("Shift+Tab");
  await tabTo(page, "Sign out");
  await page.keyboard.press("Enter");
  // One step: the sandbox asks nothing when the portal's hint names the member signing out.
  await expect(page.getByRole("heading", { level: 1, name: "You're signed out" })).toBeVisible();
  expect(await (await page.request.get("/api/me")).json()).toMatchObject({ user: null });
  expect((await page.request.get("/api/me/activities")).status()).toBe(401);
  await tabTo(page, "Sign in again");
});

test("the landing page: no axe violations in light or dark; screenshots", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Your rewards, all in one place" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /services/ })).toHaveText(
    "All services are running.",
  );
  await expectNoAxeViolations(page);
  await screenshots(page, "landing");
});

test("the member home and details: no axe violations in light or dark; screenshots", async ({ page }) => {
  // Four axe scans of full pages and a dozen screenshots: more than the default 30 s on a 2-core machine.
  test.setTimeout(90_000);
  await signIn(page, "ava");
  await expectNoAxeViolations(page);
  await screenshots(page, "member-home");

  await chooseState(page, "Locked");
  await screenshots(page, "member-home-locked");

  await page.goto("/activities/109");
  await expect(page.getByRole("heading", { level: 1, name: "Redeem a winter code" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "activity-details");
});
