import { expect, type Page, test } from "@playwright/test";
import { card, expectNoAxeViolations, signIn } from "./member-helpers.ts";

// Every activity a member can do says what to do: a link that answers (the sandbox serves the
// brand's pages and the research community's survey) or a plain instruction; nothing on what they
// cannot do. The list and a details page are checked with axe, light and dark, desktop and phone.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function showAvailable(page: Page) {
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: "Available" }) })
    .click();
  await expect(page.getByRole("radio", { name: "Available" })).toBeChecked();
  await expect(page.getByRole("article").first()).toBeVisible();
}

for (const username of ["ava", "ben", "cleo"]) {
  test(`${username}: every available activity has a working link or a plain instruction`, async ({
    page,
  }) => {
    await signIn(page, username);
    await showAvailable(page);
    const articles = page.getByRole("article");
    const count = await articles.count();
    expect(count).toBeGreaterThan(5);
    const links: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const article = articles.nth(i);
      const title = (await article.getByRole("heading").first().textContent()) ?? "";
      const actions = article.locator("[data-activity-action]");
      await expect(actions, title).toHaveCount(1);
      const action = actions.first();
      if ((await action.getAttribute("data-activity-action")) === "instruction") {
        expect(((await action.textContent()) ?? "").trim().length, title).toBeGreaterThan(10);
      } else {
        const href = (await action.getAttribute("href")) ?? "";
        expect(href, title).toMatch(/^https?:\/\//);
        await expect(action, title).toHaveAttribute("rel", "noopener noreferrer");
        await expect(action, title).toHaveAttribute("target", "_blank");
        links.push(href);
      }
    }
    expect(links.length).toBeGreaterThan(2);
    for (const href of links) expect((await page.request.get(href)).status(), href).toBe(200);
  });
}

test("ava follows the survey's link to the community, in a new tab", async ({ page, context }) => {
  await signIn(page, "ava");
  const survey = card(page, "Tell us about our products");
  const link = survey.getByRole("link", { name: /Take the survey/ });
  await expect(link).toHaveAccessibleDescription(/Leaves the portal: opens localhost:\d+ in a new tab\./);
  const [opened] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await opened.waitForLoadState();
  await expect(opened.getByRole("heading", { level: 1 })).toHaveText(
    /Product feedback survey — research community/,
  );
  await opened.close();
});

test("nothing to click where ava cannot act, and the reason stays", async ({ page }) => {
  await signIn(page, "ava");
  const forum = card(page, "Join the fan forum");
  await expect(forum.locator("[data-activity-action]")).toHaveCount(0);
  const locked = card(page, "Buy a season ticket");
  await expect(locked.locator("[data-activity-action]")).toHaveCount(0);
  // Its state, said once; what unlocks it is behind "Why can't I do this?".
  await expect(locked.getByText("Locked", { exact: true })).toHaveCount(1);
});

test("the list and a details page with actions have no axe violations, desktop and phone", async ({
  page,
}) => {
  await signIn(page, "ava");
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.goto("/");
    await expect(card(page, "Redeem a winter code").locator("[data-activity-action]")).toBeVisible();
    await expectNoAxeViolations(page);
    await card(page, "Download the app").getByRole("link", { name: "Download the app" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Download the app" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Go to the activity/ })).toHaveAccessibleDescription(
      /Your points follow the click\./,
    );
    await expectNoAxeViolations(page);
  }
});
