import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { SANDBOX_URL } from "../system.ts";
import { expectNoAxeViolations } from "./member-helpers.ts";

// Issue 13, items 5 and 6, as morgan and as nobody: a manager lands on /manage (a deep link is
// kept); the member preview is the member's whole page, read-only; the audit log filters, shows a
// field's error by the field, and downloads the filtered CSV; manager tables are usable at 390 px;
// a signed-out visit sends nothing bound to fail and logs no console error. Axe on each page, light
// and dark, desktop and 390×844.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const heading1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** Signs in through the sandbox's login page, starting from `from`'s "Sign in" link. */
async function signInFrom(page: Page, from: string, username = "morgan") {
  await page.goto(from);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function axeEverywhere(page: Page) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize(DESKTOP);
}

async function previewMember(page: Page, member: string, reason: string) {
  await page.goto("/manage/preview");
  await page.getByLabel("Member id", { exact: true }).fill(member);
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByRole("heading", { name: new RegExp(`You are previewing ${member}'s portal`) }),
  ).toBeVisible();
}

/** RFC 4180 rows (the export quotes cells with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

test.beforeAll(async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
  await request.post(`${SANDBOX_URL}/sandbox/members/ben/push`);
});

test("a signed-out visit to any page sends no request bound to fail and logs no console error", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  const failed: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  for (const path of ["/", "/activities/105", "/manage", "/manage/audit", "/signed-out", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await page.goto("/");
  // The page is drawn before axe looks at it (a busy machine is slower than axe).
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await axeEverywhere(page);
});

test("morgan lands on /manage after signing in from the home page; a deep link is kept", async ({ page }) => {
  await signInFrom(page, "/");
  await page.waitForURL((url) => url.pathname === "/manage");
  await expect(heading1(page, "Program manager preview")).toBeVisible();

  await page.context().clearCookies();
  await signInFrom(page, "/manage/audit?member=ava");
  await page.waitForURL((url) => url.pathname === "/manage/audit");
  expect(new URL(page.url()).search).toBe("?member=ava");
  await expect(page.getByLabel("Member id")).toHaveValue("ava");
});

test("preview as a member: the member's tier card, path and numbers, and activities, read-only", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInFrom(page, "/manage/preview");
  await page.waitForURL((url) => url.pathname === "/manage/preview");
  await previewMember(page, "ben", "Support ticket 5150: what does ben see");
  const tier = page.getByRole("region", { name: "Your tier" });
  await expect(tier).toBeVisible();
  await expect(tier.getByText("Current tier").locator("xpath=following-sibling::p[1]")).toHaveText("Silver");
  await expect(tier.getByRole("progressbar", { name: "Progress to Gold" })).toBeVisible();
  await expect(tier.getByText("2,350 pts earned in all")).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
  // Nothing in the preview leads anywhere or acts: no links, and only the cards' own disclosures.
  const preview = page.getByRole("region", { name: /You are previewing ben's portal/ });
  await expect(preview.getByRole("link")).toHaveCount(0);
  const buttons = await preview
    .getByRole("button")
    .evaluateAll((all) =>
      all.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => b.textContent?.trim() ?? ""),
    );
  // The cards' "Why…" and the tier card's ladder ("Every tier and its benefits") only show and hide.
  expect(buttons.filter((name) => !/^Why|Every tier and its benefits$/.test(name))).toEqual([]);
  // The member's benefits and the ladder of every tier, as ben's own page shows them.
  await expect(tier.getByRole("region", { name: "Your Silver benefits" })).toBeVisible();
  await tier.getByRole("button", { name: "Every tier and its benefits" }).click();
  await expect(tier.getByRole("list", { name: "Every tier and its benefits" })).toBeVisible();
  await axeEverywhere(page);
});

test("the audit log filters by member and days, says a bad range by the field, and exports the CSV", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInFrom(page, "/manage/preview");
  await page.waitForURL((url) => url.pathname === "/manage/preview");
  const stamp = Date.now();
  // The days around the previews, in the program's zone (the e2e system runs in UTC), taken before
  // and after them: a preview made across midnight is still inside from..to.
  const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const firstDay = utcDay(Date.now());
  await previewMember(page, "ava", `Ticket ${stamp}-a: =SUM(1,2) checking ava`);
  await previewMember(page, "cleo", `Ticket ${stamp}-c: checking cleo`);
  const lastDay = utcDay(Date.now());
  const tomorrow = utcDay(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000);

  await page.goto("/manage/audit");
  await expect(heading1(page, "Audit log")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${stamp}-c`) })).toBeVisible();
  await page.getByLabel("Member id").fill("ava");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/manage\/audit\?member=ava$/);
  // Focus moves on purpose to the results, never to <body>.
  await expect(page.getByRole("heading", { level: 2, name: "Entries" })).toBeFocused();
  await expect(page.getByRole("row", { name: new RegExp(`${stamp}-a`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${stamp}-c`) })).toHaveCount(0);

  // The day of the previews holds them; the next day does not.
  await page.getByLabel("From (day)").fill(firstDay);
  await page.getByLabel("To (day)").fill(lastDay);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`${stamp}-a`) })).toBeVisible();

  // The CSV of what is shown: downloaded, read back row by row.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const rows = parseCsv(text);
  expect(rows[0]).toEqual([
    "time (UTC)",
    "manager",
    "manager name",
    "action",
    "member id type",
    "member id",
    "reason",
    "entry id",
  ]);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).every((row) => row[5] === "ava" && row[1] === "morgan")).toBe(true);
  expect(rows.slice(1).map((row) => row[6])).toContain(`Ticket ${stamp}-a: =SUM(1,2) checking ava`);
  await axeEverywhere(page);

  await page.getByLabel("From (day)").fill(tomorrow);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const to = page.getByLabel("To (day)");
  await expect(page.getByText("The end day must be the start day or a later one.")).toBeVisible();
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await axeEverywhere(page);

  await page.getByLabel("To (day)").fill(tomorrow);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/manage\/audit$/);
  await expect(page.getByRole("heading", { level: 2, name: "Entries" })).toBeFocused();
});

test("manager tables at 390 px: nothing cut off, the page never scrolls sideways, each table scrolls in a focusable region", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInFrom(page, "/manage/activities/105");
  await page.waitForURL((url) => url.pathname === "/manage/activities/105");
  await page.setViewportSize(PHONE);
  let tables = 0;
  for (const path of ["/manage/activities/105", "/manage/activities/113", "/manage/audit", "/manage"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, path).toBeLessThanOrEqual(PHONE.width);
    for (const table of await page.getByRole("table").all()) {
      tables += 1;
      // Every table sits in a region that can be reached by keyboard and scrolled to its last column.
      const region = table.locator("xpath=ancestor::section[@tabindex='0'][1]");
      await expect(region, path).toHaveCount(1);
      await region.focus();
      const outline = await region.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, `${path}: a visible focus on the scroll region`).not.toBe("none");
      await region.evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
      });
      const lastHeader = table.locator("thead th").last();
      await expect(lastHeader, path).toBeInViewport();
    }
    await expectNoAxeViolations(page);
  }
  // The activity pages' tier grid and persona checks, and the audit table.
  expect(tables).toBeGreaterThanOrEqual(5);
  await page.setViewportSize(DESKTOP);
  await page.goto("/manage/activities/105");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  // Each name once on the activity page: the heading, then the facts without it again.
  const internal = page.getByText("Internal (Control Center)").locator("xpath=following-sibling::dd[1]");
  await expect(internal).not.toContainText("Buy a season ticket");
});
