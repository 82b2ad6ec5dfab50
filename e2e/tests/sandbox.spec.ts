import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CROWDTWIST_API_KEY, PORTAL_URL, SANDBOX_URL } from "../system.ts";

function authorizationUrl() {
  const verifier = randomBytes(32).toString("base64url");
  const url = new URL(`${SANDBOX_URL}/oidc/auth`);
  url.search = new URLSearchParams({
    client_id: "portal",
    response_type: "code",
    scope: "openid profile email roles",
    redirect_uri: `${PORTAL_URL}/api/auth/callback`,
    state: "e2e-state",
    nonce: "e2e-nonce",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

test("the sandbox sign-in page signs a demo member in and returns a code to the portal", async ({ page }) => {
  await page.goto(authorizationUrl());
  await expect(page.getByText("ava")).toBeVisible();
  await page.getByLabel("Username").fill("ava");
  await page.getByLabel("Password").fill("demo");
  const callback = page.waitForRequest((request) =>
    request.url().startsWith(`${PORTAL_URL}/api/auth/callback`),
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  const url = new URL((await callback).url());
  expect(url.searchParams.get("code")).toBeTruthy();
  expect(url.searchParams.get("state")).toBe("e2e-state");
});

test("the sandbox sign-in page refuses a wrong password", async ({ page }) => {
  await page.goto(authorizationUrl());
  await page.getByLabel("Username").fill("ben");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Unknown username or wrong password.");
  await expect(page.getByLabel("Username")).toHaveValue("ben");
});

test("the sandbox serves CrowdTwist activities for a demo member, with the key", async ({ request }) => {
  const path = `${SANDBOX_URL}/v2/users/ava/activities?id_type=third_party_id`;
  const refused = await request.get(path);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "invalid_auth", message: "Invalid access credentials." });

  const response = await request.get(path, {
    headers: { "X-CT-Authorization": `CTApiKey ${CROWDTWIST_API_KEY}` },
  });
  expect(response.status()).toBe(200);
  const activities = await response.json();
  expect(activities.length).toBeGreaterThanOrEqual(20);
});

test("completing an activity in the sandbox awards points and moves the member", async ({ request }) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
  const done = await request.post(`${SANDBOX_URL}/sandbox/members/ava/complete/104`);
  expect(done.status()).toBe(200);
  // 500 points with a +100 launch gift lifts Ava from 350 to 950: still Bronze.
  expect(await done.json()).toMatchObject({ awarded: 600, tier: "Bronze", totalPoints: 950 });
  const again = await request.post(`${SANDBOX_URL}/sandbox/members/ava/complete/120`);
  expect(await again.json()).toMatchObject({ awarded: 200, tier: "Silver", tierChanged: true });
  const locked = await request.post(`${SANDBOX_URL}/sandbox/members/ava/complete/106`);
  expect(locked.status()).toBe(409);
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});

test("the portal stores what the sandbox pushes on every Data Push feed, for the member's API", async ({
  page,
  request,
}) => {
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
  // Signed in through the portal's own sign-in route and the sandbox's page (no page of the portal's).
  await page.goto(`${PORTAL_URL}/api/auth/login?returnTo=/`);
  await page.getByLabel("Username").fill("cleo");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${PORTAL_URL}/**`);
  const api = <T>(path: string) =>
    page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;

  expect((await request.post(`${SANDBOX_URL}/sandbox/members/cleo/complete/101`)).status()).toBe(200);
  expect((await request.post(`${SANDBOX_URL}/sandbox/members/cleo/redeem/947563`)).status()).toBe(200);
  const exited = await request.post(`${SANDBOX_URL}/sandbox/members/cleo/segments/2001`, {
    data: { event: "exited" },
  });
  expect(await exited.json()).toMatchObject({ changed: true });

  type History = { entries: { kind: string; title: string | null; points: number }[]; next: string | null };
  // cleo reads French: the completion's title is CrowdTwist's translation; the order names its reward.
  // The newest two: earlier specs may have left completions of hers (the portal keeps them).
  await expect
    .poll(
      async () =>
        (await api<History>("/api/me/history")).entries.slice(0, 2).map((e) => [e.kind, e.title, e.points]),
      {
        timeout: 10_000,
      },
    )
    .toEqual([
      ["redeemed", "$20 Gift Card", -300],
      ["earned", "Passage quotidien", 25],
    ]);
  type Activities = { activities: { id: string; done?: boolean; progress?: { count: number } | null }[] };
  await expect
    .poll(async () => (await api<Activities>("/api/me/activities")).activities.some((a) => a.id === "113"), {
      timeout: 10_000,
    })
    .toBe(false);
  const daily = (await api<Activities>("/api/me/activities")).activities.find((a) => a.id === "101");
  expect(daily?.done).toBe(false);
  expect(daily?.progress?.count).toBeGreaterThanOrEqual(1);
  const me = await api<{ profile: { expiringPoints?: unknown[] } | null }>("/api/me");
  expect(Array.isArray(me.profile?.expiringPoints)).toBe(true);

  await request.post(`${SANDBOX_URL}/sandbox/members/cleo/segments/2001`, { data: { event: "entered" } });
  await request.post(`${SANDBOX_URL}/sandbox/reset`);
});
