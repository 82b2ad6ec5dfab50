import { expect, test } from "@playwright/test";

test("the health route answers 200", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("unknown API routes answer in the error shape, not with the app", async ({ request }) => {
  const response = await request.get("/api/no-such-route");
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(body.error).toMatchObject({ code: "not_found" });
  expect(body.error.requestId).toEqual(expect.any(String));
});

test("the portal page renders and reports the services running through the BFF", async ({ page }) => {
  const statusCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/status")) statusCalls.push(request.url());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Your rewards, all in one place" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /services/ })).toHaveText(
    "All services are running.",
  );
  expect(statusCalls.length).toBeGreaterThan(0);
  // The browser only ever talks to the portal's own origin.
  for (const url of statusCalls) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
});

test("the page is served with a strict content security policy", async ({ request }) => {
  const response = await request.get("/");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
