import { expect, type Page, test } from "@playwright/test";
import { PORTAL_PORT, PORTAL_URL } from "../system.ts";
import { expectNoAxeViolations, signIn } from "./member-helpers.ts";

// Sign-in and sign-out as a member lives them: from the wrong address, in one click, and after a
// link that no longer works. Each ends on a portal page, never on JSON or the provider's own page.

/** The sandbox's login form, as a member fills it in. */
async function enterPassword(page: Page, username: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

const welcome = (page: Page) => page.getByRole("heading", { level: 1, name: /^Welcome back/ });

test("opened at 127.0.0.1, the portal moves to its own address and sign-in completes", async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORTAL_PORT}/activities/109?from=bookmark`);
  await expect(page).toHaveURL(`${PORTAL_URL}/activities/109?from=bookmark`);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await enterPassword(page, "ava");
  await expect(page.getByRole("heading", { level: 1, name: "Redeem a winter code" })).toBeVisible();
  await expect(page).toHaveURL(`${PORTAL_URL}/activities/109?from=bookmark`);
  expect((await page.request.get(`${PORTAL_URL}/api/me`)).status()).toBe(200);
});

test("a sign-in link opened at 127.0.0.1 signs in too", async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORTAL_PORT}/api/auth/login?returnTo=%2F`);
  await enterPassword(page, "ben");
  await expect(welcome(page)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(PORTAL_URL);
});

test("sign out is one click and ends on “You're signed out”; signing in again works", async ({ page }) => {
  // Two sign-ins, a sign-out and axe in two colour schemes.
  test.setTimeout(90_000);
  await signIn(page, "ava");
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You're signed out" })).toBeVisible();
  await expect(page).toHaveURL(`${PORTAL_URL}/signed-out`);
  // The provider's page passed by on its own: no confirmation was shown, no click was needed.
  await expect(page.getByRole("heading", { name: "Sign out of the sandbox?" })).toHaveCount(0);
  expect(visited.at(-1)).toBe(`${PORTAL_URL}/signed-out`);
  // Nobody signed in is an answer, not an error (no 401 in the console of a signed-out page), and
  // the page's "a session may exist" hint went with the session.
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toBeNull();
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).not.toContain("__Host-portal.signed-in");
  await expectNoAxeViolations(page);

  // Signed out at the provider too: signing in again asks for the password.
  await page.getByRole("link", { name: "Sign in again" }).click();
  await enterPassword(page, "ava");
  await expect(welcome(page)).toBeVisible();
  await expect(page).toHaveURL(`${PORTAL_URL}/`);
});

test("a replayed sign-in link ends on the failure page, whose “Sign in again” works", async ({ page }) => {
  test.setTimeout(90_000);
  let callback: string | undefined;
  page.on("request", (request) => {
    if (request.url().startsWith(`${PORTAL_URL}/api/auth/callback`)) callback = request.url();
  });
  await signIn(page, "cleo");
  expect(callback).toBeDefined();

  const answer = await page.goto(callback ?? "");
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't sign you in" })).toBeVisible();
  await expect(page.getByText("That sign-in link has expired or was already used.")).toBeVisible();
  expect(answer?.headers()["content-type"] ?? "").toContain("text/html");
  const failed = new URL(page.url());
  expect(failed.pathname).toBe("/sign-in-failed");
  expect(failed.searchParams.get("reason")).toBe("expired");
  expect(failed.searchParams.has("code")).toBe(false);
  expect(failed.searchParams.has("state")).toBe(false);
  await expectNoAxeViolations(page);

  // The provider still knows cleo, so signing in again goes straight through.
  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(welcome(page)).toBeVisible();
  await expect(page).toHaveURL(`${PORTAL_URL}/`);
});

test("a refused sign-in ends on the failure page in plain words", async ({ page }) => {
  // Started as the page's own link would, in this browser (the sign-in cookie lands in its jar).
  const start = await page.request.get("/api/auth/login", { maxRedirects: 0 });
  // What a provider sends back when the member cancels: error=access_denied with the same state.
  const state = new URL(start.headers().location ?? "").searchParams.get("state") ?? "";
  expect(state).not.toBe("");
  await page.goto(`/api/auth/callback?error=access_denied&error_description=nope&state=${state}`);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't sign you in" })).toBeVisible();
  await expect(page.getByText("Sign-in was cancelled")).toBeVisible();
  expect(page.url()).not.toContain("nope");
});
