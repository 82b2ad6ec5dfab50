import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SANDBOX_URL } from "../system.ts";
import { expectNoAxeViolations, signIn } from "./member-helpers.ts";

// The program's brand (apps/bff/config/program.json, the demo program's): its name and logo in the
// header and title, its colours, each tier's benefits on the card and in the ladder; and a points
// change that arrives live announces itself.

interface ProgramFile {
  name: string;
  logo: string;
  colors: Record<"light" | "dark", { primary: string }>;
  tiers: { title: string; minScore: number; benefits: string[] }[];
}
const program = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "apps", "bff", "config", "program.json"), "utf8"),
) as ProgramFile;

const tierCard = (page: Page) => page.getByRole("region", { name: "Your tier" });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** axe in both colour schemes, at desktop width and on a phone. */
async function axeEverywhere(page: Page) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize(DESKTOP);
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${SANDBOX_URL}/sandbox/reset`)).ok()).toBe(true);
});
test.afterEach(async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});

test("signed out: the program's name, logo and colours are on the page from its HTML, and the policy lets them apply", async ({
  page,
}) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    // Only the policy's refusals: the signed-out 401s are another item (issue 13, item 5).
    if (/Content Security Policy|Refused to/.test(message.text())) refused.push(message.text());
  });
  await page.goto("/");
  const home = page.getByRole("banner").getByRole("link", { name: program.name, exact: true });
  await expect(home).toBeVisible();
  const logo = home.locator("img");
  await expect(logo).toHaveAttribute("src", program.logo);
  await expect(logo).toHaveAttribute("alt", "");
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page).toHaveTitle(new RegExp(`${program.name}$`));
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const primary = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--color-primary").trim(),
    );
    expect(primary).toBe(program.colors[scheme].primary);
  }
  expect(refused).toEqual([]);
  await axeEverywhere(page);
});

for (const [member, tier] of [
  ["ava", "Bronze"],
  ["ben", "Silver"],
  ["cleo", "Gold"],
] as const) {
  test(`${member}: the program's name in the header, ${tier}'s benefits on the card, and the ladder of every tier`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, member);
    await expect(
      page.getByRole("banner").getByRole("link", { name: program.name, exact: true }),
    ).toBeVisible();
    await expect(page).toHaveTitle(`Your rewards · ${program.name}`);
    const card = tierCard(page);
    const mine = program.tiers.find((t) => t.title === tier);
    const benefits = card.getByRole("region", { name: `Your ${tier} benefits` });
    await expect(benefits.getByRole("listitem")).toHaveText(mine?.benefits ?? []);

    const toggle = card.getByRole("button", { name: "Every tier and its benefits" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // By keyboard: the ladder opens from the card.
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const ladder = card.getByRole("list", { name: "Every tier and its benefits" });
    const steps = ladder.locator(":scope > li");
    await expect(steps).toHaveCount(program.tiers.length);
    for (const [index, step] of program.tiers.entries()) {
      const item = steps.nth(index);
      await expect(item).toContainText(step.title);
      await expect(item).toContainText(
        step.minScore === 0
          ? "Where everyone starts"
          : `From ${step.minScore.toLocaleString("en-US")} tier pts`,
      );
      await expect(item.getByRole("listitem")).toHaveText(step.benefits);
    }
    // Where the member stands: their tier is the current step; a higher one says how far it is.
    await expect(ladder.locator(':scope > li[aria-current="step"]')).toHaveCount(1);
    await expect(ladder.locator(':scope > li[aria-current="step"]')).toContainText(`${tier}`);
    await expect(ladder.locator(':scope > li[aria-current="step"]')).toContainText("You're here");
    if (tier !== "Gold") await expect(steps.last()).toContainText(/more tier pts/);
    await axeEverywhere(page);
  });
}

test("cleo earns points while she looks: a toast that takes no focus and a polite message say so", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const stream = page.waitForResponse((response) => response.url().endsWith("/api/me/events"));
  await signIn(page, "cleo");
  expect((await stream).status()).toBe(200);
  const announcer = page.locator('[role="status"][aria-live="polite"]').last();
  await expect(announcer).toHaveText("");
  const heading = page.getByRole("heading", { level: 1 });
  await heading.focus();

  const completed = await request.post(`${SANDBOX_URL}/sandbox/members/cleo/complete/101`);
  expect(completed.ok()).toBe(true);
  const result = (await completed.json()) as { awarded: number; tierChanged: boolean };
  expect(result.tierChanged).toBe(false);
  const said = `You earned ${result.awarded} points.`;

  const toasts = page.getByRole("region", { name: "Notifications" });
  await expect(toasts).toContainText(said, { timeout: 3000 });
  await expect(announcer).toHaveText(said);
  await expect(heading).toBeFocused();
  await expect(toasts.locator("[data-celebration]")).toHaveCount(0);

  // Alt+T reaches the toast from anywhere (which holds it on screen while it has focus); Ctrl+Alt+T
  // (AltGr+T on many keyboards, a character) does not.
  await expect(toasts).toHaveAttribute("aria-keyshortcuts", "Alt+T");
  const dismiss = toasts.getByRole("button", { name: "Dismiss" });
  await page.keyboard.press("Control+Alt+KeyT");
  await expect(heading).toBeFocused();
  await page.keyboard.press("Alt+KeyT");
  await expect(dismiss).toBeFocused();
  await axeEverywhere(page);
  await expect(toasts).toContainText(said);
  // Enter dismisses it, and focus goes back where it was.
  await dismiss.focus();
  await page.keyboard.press("Enter");
  await expect(toasts).toHaveCount(0);
  await expect(heading).toBeFocused();
  // The words stay for the screen reader; nothing else is said.
  await expect(announcer).toHaveText(said);
});
