import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { card, expectNoAxeViolations } from "./member-helpers.ts";

// The portal in French, for a browser whose language is French: the page the BFF serves and the app
// both speak it, plurals follow French rules, numbers and dates are written the French way, the
// brand's own words (tier names, activity titles) stay as the brand wrote them, and the switcher in
// the header changes the language and remembers it. The brand's sign-in page (the sandbox's) stays
// in English: it is the identity provider's.

test.use({ locale: "fr-FR" });

const SHOTS = join(import.meta.dirname, "..", "..", "docs", "screenshots");
const NNBSP = "\u202f";
const MONTHS =
  /\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/;

/** "1 350" → 1350: French groups thousands with a narrow no-break space. */
const numberIn = (text: string) => Number((/(\d[\d\u202f]*)/.exec(text)?.[1] ?? "").replaceAll(NNBSP, ""));

async function signInInFrench(page: Page, username: string, heading: RegExp) {
  const first = await page.goto("/");
  // The BFF's own page is French before the app runs: Chromium sends Accept-Language fr-FR.
  const served = await first?.text();
  expect(served).toContain('<html lang="fr">');
  // The brand's name, painted before the app runs, in the brand's English (ADR 0041).
  expect(served).toContain('<span lang="en">Harbourside Rewards</span>');
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(
    page.getByRole("heading", { level: 1, name: "Vos récompenses, au même endroit" }),
  ).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** Every text on the page that counts something with this noun ("1 point", "3 activités"). */
async function counted(scope: ReturnType<Page["locator"]>, pattern: RegExp) {
  await expect(scope.getByText(pattern).first()).toBeVisible();
  const texts = await scope.getByText(pattern).allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  return texts;
}

test("ava in French: plurals, numbers and dates the French way, the brand's words as they are; no axe violations", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInInFrench(page, "ava", /^Bon retour/);
  const tierCard = page.getByRole("region", { name: "Votre statut" });
  // The tier name is the program's own, untranslated.
  await expect(tierCard.getByText("Bronze", { exact: true }).first()).toBeVisible();

  // Points in words with French plurals: singular for 0 and 1, plural from 2 on.
  for (const text of await counted(tierCard, /\bpoints? (gagnés?|à dépenser|avant le statut)/)) {
    const count = numberIn(text);
    expect(text, text).toMatch(count < 2 ? /\bpoint\b/ : /\bpoints\b/);
    // Thousands are grouped with a narrow no-break space, never a comma.
    if (count >= 1000) expect(text).toContain(NNBSP);
    expect(text).not.toMatch(/\d,\d/);
  }
  // Silver's threshold: "350 sur 1 000 pts de statut", with the narrow no-break space of French.
  await expect(tierCard.getByText(new RegExp(`^\\d+ sur 1${NNBSP}000 pts de statut$`))).toBeVisible();
  await expect(
    tierCard.getByRole("progressbar", { name: "Progression vers le statut Silver" }),
  ).toBeVisible();
  // A date of the tier card, the French way ("3 mars").
  await expect(tierCard.getByText(MONTHS).first()).toBeVisible();

  // Her path to Silver is one activity: the plural's singular form, the French way.
  await expect(tierCard.getByText("Réalisez cette activité pour atteindre le statut Silver")).toBeVisible();

  // The activities: "19 sur 20 activités" (the ended one is filtered out), badges in French, titles
  // as the brand wrote them.
  const activities = page.getByRole("region", { name: "Activités" });
  const [countText = ""] = await counted(activities, /^(\d+ sur )?\d+ activités?$/);
  const total = Number(/(\d+) activités?$/.exec(countText)?.[1]);
  expect(countText).toMatch(total < 2 ? / activité$/ : / activités$/);
  await expect(card(page, "Buy a season ticket")).toContainText("Verrouillée");
  // The brand's words are English on a French page, and say so (screen readers, hyphenation); the
  // portal's own words inherit the page's French.
  const season = card(page, "Buy a season ticket");
  await expect(season.getByRole("heading", { name: "Buy a season ticket" })).toHaveAttribute("lang", "en");
  await expect(season.getByText("Verrouillée")).not.toHaveAttribute("lang");
  await expect(tierCard.getByText("Bronze", { exact: true }).first()).toHaveAttribute("lang", "en");
  await expect(page.getByRole("banner").getByText("Harbourside Rewards")).toHaveAttribute("lang", "en");
  await expect(card(page, "Redeem a winter code")).toContainText("650 pts");

  // The details page: dates in French.
  await page.goto("/activities/109");
  await expect(page.getByRole("heading", { level: 1, name: "Redeem a winter code" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Retour à toutes les activités/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Les points que vous gagnez" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Bon retour/ })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SHOTS, "member-home-fr-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SHOTS, "member-home-fr-mobile.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("the switcher: English and back, by keyboard, remembered over a reload, <html lang> follows", async ({
  page,
}) => {
  await signInInFrench(page, "ava", /^Bon retour/);
  const french = page.getByRole("combobox", { name: "Langue" });
  await expect(french).toHaveValue("fr");

  // By keyboard: focus the labelled select and pick English.
  await french.focus();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome back/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const english = page.getByRole("combobox", { name: "Language" });
  await expect(english).toHaveValue("en");
  await expect(english).toBeFocused();
  await expect(page.getByRole("region", { name: "Your tier" }).getByText(/pts earned in all$/)).toBeVisible();
  // In English the brand's English needs no lang of its own.
  await expect(
    card(page, "Buy a season ticket").getByRole("heading", { name: "Buy a season ticket" }),
  ).not.toHaveAttribute("lang");

  // Remembered: the reload is English although the browser asks for French, and so is the page the
  // BFF serves before the app runs (the choice travels in a cookie).
  const reloaded = await page.reload();
  expect(await reloaded?.text()).toContain('<html lang="en">');
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome back/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoAxeViolations(page);

  // And back to French, remembered too.
  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "Français" });
  await expect(page.getByRole("heading", { level: 1, name: /^Bon retour/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const again = await page.reload();
  expect(await again?.text()).toContain('<html lang="fr">');
  await expect(page.getByRole("heading", { level: 1, name: /^Bon retour/ })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Langue" })).toHaveValue("fr");
});

test("morgan in French: the manager area speaks French; no axe violations", async ({ page }) => {
  test.setTimeout(60_000);
  await signInInFrench(page, "morgan", /^Aperçu pour les responsables du programme$/);
  await expect(page.getByRole("navigation", { name: "Responsable du programme" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Trouver des activités" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Activités du programme" })).toBeVisible();
  await expect(page.getByText(/^\d+ activités?$/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A label and its value, and a list of reasons, the French way (no-break space before the colon).
  await page.goto("/manage/activities/112");
  const alida = page.getByRole("region", { name: "Alida" });
  await expect(alida.getByText("Nom\u00a0:", { exact: true })).toBeVisible();
  await expect(
    page.getByText(
      "Aucun statut ne peut la réaliser pour le moment\u00a0: son activité Alida est close et son activité Alida est masquée aux membres.",
    ),
  ).toBeVisible();

  await page.getByRole("link", { name: "Journal d’audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Journal d’audit" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a browser whose storage refuses writes still switches, and the cookie remembers the choice", async ({
  page,
}) => {
  // As a full storage or some private windows do: reading works, writing throws.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await signInInFrench(page, "ava", /^Bon retour/);
  await page.getByRole("combobox", { name: "Langue" }).selectOption({ label: "English" });
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome back/ })).toBeVisible();
  const reloaded = await page.reload();
  expect(await reloaded?.text()).toContain('<html lang="en">');
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome back/ })).toBeVisible();
});
