import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

// What the member specs share: the sandbox sign-in, keyboard travel and the axe check.

export async function signIn(page: Page, username: string) {
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome back/ })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
}

export const card = (page: Page, title: string) => page.getByRole("article", { name: title });

/** Tabs until the focused element has this accessible name (keyboard only, no clicks). */
export async function tabTo(page: Page, name: string | RegExp, max = 100) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim();
    });
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

const AXE_CHECK_ALLOWANCE_MS = 15_000;

/**
 * axe in both colour schemes. axe runs in the page itself (`setLegacyMode`): the default mode adds a
 * blank page per run to merge the frames' results, and injects axe there too, which took 2–3 s of
 * the 4–5 s of each run on a 2-core machine. That mode is needed for cross-origin frames only; the
 * portal's pages have none, and the check fails if one ever appears rather than skip it unseen.
 * Each check gives its test more time (two runs take 3–8 s on a busy 2-core machine): the test's
 * timeout is there to catch a hang, not to race the accessibility check.
 */
export async function expectNoAxeViolations(page: Page) {
  test.info().setTimeout(test.info().timeout + AXE_CHECK_ALLOWANCE_MS);
  expect(
    page.frames().map((frame) => frame.url()),
    "axe here covers no child frames",
  ).toHaveLength(1);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
    expect(
      violations.map((v) => `${colorScheme}: ${v.id} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
