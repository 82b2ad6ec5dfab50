import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { PORTAL_URL, SANDBOX_URL } from "../system.ts";
import { expectNoAxeViolations } from "./member-helpers.ts";

// The program manager area end to end, as morgan: activities tier by tier (locked 105, hidden 107),
// the Alida side (open survey 111, closed hidden forum 112), a member preview with its audit entry;
// and as ava, a member, the same pages and API refused without the manager chunk ever downloading.
// Accessibility in light and dark on every manager page, screenshots for docs/screenshots.

const SHOTS = join(import.meta.dirname, "..", "..", "docs", "screenshots");
mkdirSync(SHOTS, { recursive: true });

const MANAGER_PAGES = ["/manage", "/manage/activities/105", "/manage/preview", "/manage/audit"];

/** Signs in through the sandbox's login page from `path`, and comes back to it. */
async function signIn(page: Page, username: string, path: string) {
  await page.goto(path);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: join(SHOTS, `${name}-desktop-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SHOTS, `${name}-mobile.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const grid = (page: Page) =>
  page.getByRole("table", { name: "How the activity appears to members of each tier" });
const heading1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

test.beforeAll(async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});

test("a locked and a hidden activity, tier by tier, with the personas' cross-check and the member cards", async ({
  page,
}) => {
  await signIn(page, "morgan", "/manage/activities/105");
  await expect(heading1(page, "Buy a season ticket")).toBeVisible();
  const bronze = grid(page).getByRole("row", { name: /Every member/ });
  await expect(bronze.getByRole("cell").nth(0)).toContainText("Locked");
  await expect(bronze.getByRole("cell").nth(0)).toContainText("Reach Silver to unlock");
  await expect(bronze.getByRole("cell").nth(1)).toContainText("Available");
  await expect(page.getByText("CrowdTwist agrees with the rule for every persona.")).toBeVisible();
  await expect(page.getByText("Not linked to an Alida activity.")).toBeVisible();

  // The shared member card, as Bronze sees it: locked, with what unlocks it; a deep link picks Bronze.
  await page.goto("/manage/activities/105?tier=334");
  await expect(page.getByRole("radio", { name: "Bronze" })).toBeChecked();
  const card = page.getByRole("article", { name: "Buy a season ticket" });
  await expect(card).toHaveCount(1);
  await expect(card.getByText("Locked", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Why can't I do this?" }).click();
  await expect(card.getByText("Reach Silver to unlock").first()).toBeVisible();
  await screenshots(page, "manager-activity-detail");

  await page.goto("/manage/activities/107");
  await expect(heading1(page, "Private collection preview")).toBeVisible();
  const row = grid(page).getByRole("row", { name: /Every member/ });
  await expect(row.getByRole("cell").nth(0)).toContainText("Hidden");
  await expect(row.getByRole("cell").nth(1)).toContainText("Hidden");
  await expect(row.getByRole("cell").nth(2)).toContainText("Available");
  await expect(page.getByText("Not shown to members in this tier")).toHaveCount(2);
  await expect(page.getByRole("article", { name: "Private collection preview" })).toHaveCount(1);
});

test("Alida: an open survey agrees with CrowdTwist, a closed hidden forum is flagged", async ({ page }) => {
  await signIn(page, "morgan", "/manage/activities/111");
  const alida = page.getByRole("region", { name: "Alida" });
  await expect(alida.getByText("Consistent with CrowdTwist.")).toBeVisible();
  await expect(alida.getByText("Open", { exact: true })).toBeVisible();
  await expect(alida.getByText(/Survey completed/)).toBeVisible();

  await page.goto("/manage/activities/112");
  const forum = page.getByRole("region", { name: "Alida" });
  await expect(forum.getByText("2 differences from CrowdTwist")).toBeVisible();
  await expect(forum.getByText("Closed in Alida while live in CrowdTwist")).toBeVisible();
  await expect(forum.getByText("Hidden from members in Alida")).toBeVisible();
});

test("find activities: look up by id (bad and unknown ids by the field), filters in the address", async ({
  page,
}) => {
  await signIn(page, "morgan", "/manage");
  await expect(heading1(page, "Program manager preview")).toBeVisible();
  const id = page.getByLabel("CrowdTwist activity id");
  await id.fill("abc");
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByText("An activity id is the number CrowdTwist gives it, e.g. 64.")).toBeVisible();
  await expect(id).toHaveAttribute("aria-invalid", "true");
  await id.fill("999999");
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByText("CrowdTwist has no activity 999999.")).toBeVisible();

  await page.getByLabel("Tag").selectOption("Tickets");
  await expect(page).toHaveURL(/[?&]tag=Tickets/);
  await expect(page.getByRole("link", { name: /Buy a season ticket/ })).toBeVisible();
  await page.getByLabel("State").selectOption("hidden");
  await expect(page).toHaveURL(/state=hidden/);
  await page.reload();
  await expect(page.getByLabel("State")).toHaveValue("hidden");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/manage$/);

  await id.fill("105");
  await id.press("Enter");
  await expect(heading1(page, "Buy a season ticket")).toBeVisible();
  await expect(heading1(page, "Buy a season ticket")).toBeFocused();
  // The unknown id is a designed page too, when reached by address.
  await page.goto("/manage/activities/999999");
  await expect(heading1(page, "Activity not found")).toBeVisible();
});

test("preview as ava, read-only with a reason, then find it in the audit log", async ({ page }) => {
  await signIn(page, "morgan", "/manage/preview");
  await expect(heading1(page, "Preview as a member")).toBeVisible();
  await expect(page.getByLabel("Member id type").locator("option")).toHaveCount(7); // the six documented id types and email
  await page.getByLabel("Member id", { exact: true }).fill("ava");
  await page.getByLabel("Reason").fill("too short");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText(/Say why you are previewing this member/)).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");

  const reason = `Support ticket ${Date.now()}: cannot see the season ticket`;
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByRole("heading", {
      name: "You are previewing ava's portal — read-only; this preview is recorded in the audit log",
    }),
  ).toBeVisible();
  const season = page.getByRole("article", { name: "Buy a season ticket" });
  await expect(season).toBeVisible();
  await expect(page.getByRole("article", { name: "Private collection preview" })).toHaveCount(0);
  // Read-only: the member's cards carry no links.
  await expect(page.getByRole("main").getByRole("article").getByRole("link")).toHaveCount(0);
  await screenshots(page, "manager-member-preview");

  await page
    .getByRole("navigation", { name: "Program manager" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(heading1(page, "Audit log")).toBeVisible();
  const entry = page.getByRole("row", { name: new RegExp(reason) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("ava (third_party_id)");
});

test("no axe violations on any manager page, light and dark", async ({ page }) => {
  // Eight pages, each analysed twice.
  test.setTimeout(120_000);
  await signIn(page, "morgan", "/manage");
  for (const path of [...MANAGER_PAGES, "/manage/activities/112", "/manage/activities/113"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page);
  }
  // The preview result too, with the member's cards.
  await page.goto("/manage/preview");
  await page.getByLabel("Member id", { exact: true }).fill("ben");
  await page.getByLabel("Reason").fill("Accessibility check of the preview");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /You are previewing ben's portal/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a member is refused every manager page and route, and never downloads the manager chunk", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await signIn(page, "ava", "/manage");
  for (const path of MANAGER_PAGES) {
    await page.goto(path);
    await expect(heading1(page, "This area is for program managers")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Program manager" })).toHaveCount(0);
  }
  expect(scripts.filter((url) => /manager-preview/.test(url))).toEqual([]);

  const api = page.request;
  for (const path of ["/api/manager/activities", "/api/manager/activities/105", "/api/manager/audit"]) {
    expect((await api.get(path)).status(), path).toBe(403);
  }
  const preview = await api.post("/api/manager/preview-member", {
    headers: { "x-csrf": "1", origin: PORTAL_URL },
    data: { idType: "third_party_id", userId: "cleo", reason: "A member trying the manager API" },
  });
  expect(preview.status()).toBe(403);
});
