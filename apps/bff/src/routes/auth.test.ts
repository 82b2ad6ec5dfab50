import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, formAction } from "../testing/agent.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

const SESSION = "__Host-portal.sid";
const LOGIN = "__Host-portal.login";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

/** Starts a sign-in and walks the identity provider's pages up to (not into) the portal callback. */
async function callbackFor(agent: Agent, username = "ava", returnTo?: string) {
  const start = await agent.get(
    `/api/auth/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`,
  );
  const toPortal = (next: URL) => next.origin === system.portalUrl;
  const loginPage = await agent.follow(start, toPortal);
  // With a live session at the identity provider (single sign-on) there is no form to fill.
  if (loginPage.location && toPortal(new URL(loginPage.location, loginPage.url))) {
    return new URL(loginPage.location, loginPage.url);
  }
  const action = formAction(loginPage.text);
  if (!action) throw new Error("no login form");
  const submitted = await agent.postForm(new URL(action, loginPage.url), { username, password: "demo" });
  const last = await agent.follow(submitted, (next) => next.origin === system.portalUrl);
  if (!last.location) throw new Error("the provider did not redirect back");
  return new URL(last.location, last.url);
}

describe("sign-in", () => {
  it("signs a member in with code + PKCE and sets a strict host-only session cookie", async () => {
    const agent = new Agent(system.portalUrl);
    const start = await agent.get("/api/auth/login?returnTo=/activities");
    expect(start.status).toBe(302);
    const authorize = new URL(start.location ?? "");
    expect(authorize.origin).toBe(system.sandbox.url);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    const loginCookie = start.headers.getSetCookie().find((c) => c.startsWith(`${LOGIN}=`)) ?? "";
    expect(loginCookie).toMatch(/HttpOnly/i);
    expect(loginCookie).toMatch(/Secure/i);
    expect(loginCookie).toMatch(/SameSite=Lax/i);

    const callback = await callbackFor(agent);
    const done = await agent.get(callback);
    expect(done.status).toBe(302);
    const sessionCookie = done.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`)) ?? "";
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/Secure/i);
    expect(sessionCookie).toMatch(/SameSite=Strict/i);
    expect(sessionCookie).toMatch(/Path=\//i);
    expect(sessionCookie).not.toMatch(/Domain=/i);

    const me = await agent.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ user: { sub: "ava", roles: ["member"], isManager: false } });
  });

  it("returns to the page the member came from, and only to this site", async () => {
    const cases: [string, string][] = [
      ["/activities?filter=locked", "/activities?filter=locked"],
      ["https://evil.test", "/"],
      ["//evil.test", "/"],
      ["/\\evil.test", "/"],
    ];
    for (const [returnTo, expected] of cases) {
      const agent = new Agent(system.portalUrl);
      const callback = await callbackFor(agent, "ava", returnTo);
      const done = await agent.get(callback);
      expect(done.location, returnTo).toBe(expected);
    }
  });

  it("creates no session for a replayed callback", async () => {
    const agent = new Agent(system.portalUrl);
    const callback = await callbackFor(agent);
    expect((await agent.get(callback)).status).toBe(302);
    const replay = new Agent(system.portalUrl);
    for (const [key, value] of agent.cookies) if (!key.startsWith(SESSION)) replay.cookies.set(key, value);
    replay.cookies.set(`${LOGIN}@/`, {
      name: LOGIN,
      value: callback.searchParams.get("state") ?? "",
      path: "/",
    });
    const again = await replay.get(callback);
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: "sign_in_expired" } });
    expect(replay.cookie(SESSION)).toBeUndefined();
  });

  it("creates no session for a callback whose state this browser never started", async () => {
    const victim = new Agent(system.portalUrl);
    const callback = await callbackFor(victim);
    const attacker = new Agent(system.portalUrl);
    const response = await attacker.get(callback);
    expect(response.status).toBe(400);
    expect(attacker.cookie(SESSION)).toBeUndefined();
  });

  it("creates no session when the code is forged", async () => {
    const agent = new Agent(system.portalUrl);
    const callback = await callbackFor(agent);
    callback.searchParams.set("code", "forged-code");
    const response = await agent.get(callback);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "sign_in_failed" } });
    expect(agent.cookie(SESSION)).toBeUndefined();
  });

  it("rotates the session id at every sign-in and drops the old one", async () => {
    const agent = await system.signIn("ben");
    const first = agent.cookie(SESSION);
    const callback = await callbackFor(agent, "ben");
    await agent.get(callback);
    const second = agent.cookie(SESSION);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const stale = new Agent(system.portalUrl);
    stale.cookies.set(`${SESSION}@/`, { name: SESSION, value: first ?? "", path: "/" });
    expect((await stale.get("/api/me")).status).toBe(401);
  });
});

describe("sign-out", () => {
  it("revokes the session on the server and sends the browser to the provider's logout", async () => {
    const agent = await system.signIn("cleo");
    const id = agent.cookie(SESSION);
    const out = await agent.post("/api/auth/logout");
    expect(out.status).toBe(200);
    const { logoutUrl } = out.json<{ logoutUrl: string }>();
    expect(new URL(logoutUrl).origin).toBe(system.sandbox.url);
    expect(new URL(logoutUrl).searchParams.get("post_logout_redirect_uri")).toBe(`${system.portalUrl}/`);
    expect(agent.cookie(SESSION)).toBeUndefined();
    // The old cookie, replayed, is worth nothing.
    const replay = new Agent(system.portalUrl);
    replay.cookies.set(`${SESSION}@/`, { name: SESSION, value: id ?? "", path: "/" });
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("needs the CSRF header like every state-changing call", async () => {
    const agent = await system.signIn("ava");
    const refused = await agent.request("POST", "/api/auth/logout", {
      headers: { origin: system.portalUrl },
    });
    expect(refused.status).toBe(403);
    expect((await agent.get("/api/me")).status).toBe(200);
  });
});
