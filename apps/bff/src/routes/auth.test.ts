import { Agent, formAction } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

const SESSION = "__Host-portal.sid";
const LOGIN = "__Host-portal.login";

let system: TestSystem;
beforeAll(async () => {
  // Many sign-ins from one address in a minute: the sign-in limit has its own test below.
  system = await startTestSystem({ LOGIN_RATE_LIMIT_PER_MINUTE: "0" });
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

/** Asserts a sign-in failure ended on the web app's failure page (never JSON) and returns its reason. */
function failurePage(response: { status: number; location: string | null; text: string; headers: Headers }) {
  expect(response.status).toBe(302);
  expect(response.text).toBe("");
  expect(response.headers.get("content-type") ?? "").not.toContain("json");
  const target = new URL(response.location ?? "");
  expect(target.origin).toBe(system.portalUrl);
  expect(target.pathname).toBe("/sign-in-failed");
  // The reason and the id to quote to support, and nothing else: no code, state, token or provider text.
  expect([...target.searchParams.keys()].sort()).toEqual(["reason", "ref"]);
  expect(target.searchParams.get("ref")).toMatch(/^[\w.:-]{1,64}$/);
  return target.searchParams.get("reason");
}

/** Starts a sign-in and returns the `state` the identity provider would send back. */
async function startedState(agent: Agent) {
  const start = await agent.get("/api/auth/login");
  return new URL(start.location ?? "").searchParams.get("state") ?? "";
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
    // The page's "a session may exist" hint: readable by the page, holding nothing secret.
    const hint = done.headers.getSetCookie().find((c) => c.startsWith("__Host-portal.signed-in=")) ?? "";
    expect(hint).toMatch(/^__Host-portal\.signed-in=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/Secure/i);
    expect(hint).toMatch(/SameSite=Strict/i);

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

  it("lands a program manager on /manage, unless a particular page was asked for (only on this site)", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, "/manage"],
      ["/", "/manage"],
      ["/manage/audit?member=ava", "/manage/audit?member=ava"],
      ["/activities/105", "/activities/105"],
      ["https://evil.test", "/manage"],
      ["//evil.test/manage", "/manage"],
    ];
    for (const [returnTo, expected] of cases) {
      const agent = new Agent(system.portalUrl);
      const done = await agent.get(await callbackFor(agent, "morgan", returnTo));
      expect(done.location, String(returnTo)).toBe(expected);
    }
    // A member who started from the home page stays on it.
    const member = new Agent(system.portalUrl);
    expect((await member.get(await callbackFor(member, "ava"))).location).toBe("/");
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
    expect(failurePage(again)).toBe("expired");
    expect(replay.cookie(SESSION)).toBeUndefined();
  });

  it("creates no session for a callback whose state this browser never started", async () => {
    const victim = new Agent(system.portalUrl);
    const callback = await callbackFor(victim);
    const attacker = new Agent(system.portalUrl);
    const response = await attacker.get(callback);
    expect(failurePage(response)).toBe("expired");
    expect(attacker.cookie(SESSION)).toBeUndefined();
  });

  it("creates no session when the code is forged", async () => {
    const agent = new Agent(system.portalUrl);
    const callback = await callbackFor(agent);
    callback.searchParams.set("code", "forged-code");
    const response = await agent.get(callback);
    expect(failurePage(response)).toBe("failed");
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
    expect((await stale.get("/api/me")).json()).toMatchObject({ user: null });
  });
});

describe("sign-in failures end on the portal's failure page", () => {
  it("an answer whose sign-in is older than ten minutes: expired", async () => {
    const agent = new Agent(system.portalUrl);
    const callback = await callbackFor(agent);
    await system.bff.db.query("update login_states set expires_at = $1", [new Date(Date.now() - 1000)]);
    expect(failurePage(await agent.get(callback))).toBe("expired");
    expect(agent.cookie(SESSION)).toBeUndefined();
  });

  it("the member cancelled or refused at the provider: denied, and that sign-in is used up", async () => {
    const agent = new Agent(system.portalUrl);
    const state = await startedState(agent);
    const login = agent.cookie(LOGIN) ?? "";
    const refused = `/api/auth/callback?error=access_denied&error_description=${encodeURIComponent("<script>alert(1)</script> call 555-0100")}&state=${state}`;
    const response = await agent.get(refused);
    expect(failurePage(response)).toBe("denied");
    // Nothing of the provider's description travels on: the page gets its reason and our reference
    // only (a reference is random, so it is matched whole rather than searched for "555").
    const target = new URL(response.location ?? "");
    expect([...target.searchParams.keys()]).toEqual(["reason", "ref"]);
    expect(target.searchParams.get("ref")).toMatch(/^[\w-]+$/);
    expect(decodeURIComponent(target.search)).not.toMatch(/script|555-0100/);
    expect(agent.cookie(SESSION)).toBeUndefined();
    // The sign-in cookie is cleared on the way, and the same answer replayed finds nothing.
    expect(agent.cookie(LOGIN)).toBeUndefined();
    agent.cookies.set(`${LOGIN}@/`, { name: LOGIN, value: login, path: "/" });
    expect(failurePage(await agent.get(refused))).toBe("expired");
  });

  it.each([
    ["temporarily_unavailable", "unavailable"],
    ["server_error", "unavailable"],
    ["invalid_scope", "failed"],
    ["<img src=x>", "failed"],
  ])("the provider answered error=%s: %s", async (error, reason) => {
    const agent = new Agent(system.portalUrl);
    const state = await startedState(agent);
    const response = await agent.get(`/api/auth/callback?error=${encodeURIComponent(error)}&state=${state}`);
    expect(failurePage(response)).toBe(reason);
    expect(agent.cookie(SESSION)).toBeUndefined();
  });

  it.each([
    ["no parameters", ""],
    ["an empty state", "?state=&code=x"],
    ["a code without a state", "?code=x"],
    ["a made-up state", "?state=made-up&code=x"],
    ["a state given twice", "?state=a&state=b&code=x"],
  ])("junk: %s is expired, never JSON, and signs nobody in", async (_case, query) => {
    const agent = new Agent(system.portalUrl);
    await startedState(agent);
    expect(failurePage(await agent.get(`/api/auth/callback${query}`))).toBe("expired");
    expect(agent.cookie(SESSION)).toBeUndefined();
  });

  it("a failed sign-in leaves a session the browser already had alone", async () => {
    const agent = await system.signIn("ben");
    expect(failurePage(await agent.get("/api/auth/callback?state=stale&code=x"))).toBe("expired");
    expect((await agent.get("/api/me")).status).toBe(200);
  });

  it("the provider goes down between sign-in and the code exchange: unavailable", async () => {
    const fragile = await startTestSystem();
    try {
      const agent = new Agent(fragile.portalUrl);
      const start = await agent.get("/api/auth/login");
      const loginPage = await agent.follow(start);
      const action = formAction(loginPage.text) ?? "";
      const submitted = await agent.postForm(new URL(action, loginPage.url), {
        username: "ava",
        password: "demo",
      });
      const last = await agent.follow(submitted, (next) => next.origin === fragile.portalUrl);
      await fragile.sandbox.close();
      const response = await agent.get(new URL(last.location ?? "", last.url));
      expect(response.status).toBe(302);
      const target = new URL(response.location ?? "");
      expect(`${target.origin}${target.pathname}`).toBe(`${fragile.portalUrl}/sign-in-failed`);
      expect(target.searchParams.get("reason")).toBe("unavailable");
      expect(agent.cookie(SESSION)).toBeUndefined();
    } finally {
      await fragile.close();
    }
  });
});

describe("with the identity provider unreachable", () => {
  let offline: TestSystem;
  beforeAll(async () => {
    // Nothing listens on the discard port: discovery fails at once. Three sign-ins a minute per address.
    offline = await startTestSystem({
      OIDC_ISSUER: "http://127.0.0.1:9/oidc",
      LOGIN_RATE_LIMIT_PER_MINUTE: "3",
    });
  });
  afterAll(() => offline?.close());

  const reasonOf = (location: string | null) => {
    const target = new URL(location ?? "");
    expect(`${target.origin}${target.pathname}`).toBe(`${offline.portalUrl}/sign-in-failed`);
    return target.searchParams.get("reason");
  };

  // First: a sign-out must not use up the sign-in attempts the next test counts on.
  it("signing out still ends on the portal's signed-out page", async () => {
    const out = await new Agent(offline.portalUrl).post("/api/auth/logout");
    expect(out.status).toBe(200);
    expect(out.json()).toEqual({ logoutUrl: `${offline.portalUrl}/signed-out` });
  });

  it("signing in ends on the failure page (unavailable), then (busy) once the sign-in limit is reached", async () => {
    const agent = new Agent(offline.portalUrl);
    const first = await agent.get("/api/auth/login?returnTo=/activities");
    expect(first.status).toBe(302);
    expect(first.text).toBe("");
    expect(reasonOf(first.location)).toBe("unavailable");
    expect(agent.cookie(LOGIN)).toBeUndefined();
    const reasons: (string | null)[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const next = await agent.get("/api/auth/login");
      expect(next.status).toBe(302);
      reasons.push(reasonOf(next.location));
      if (reasons.at(-1) === "busy") break;
    }
    // Unavailable until the limit (three a minute here), then busy, never anything else.
    expect(reasons.at(-1)).toBe("busy");
    expect(reasons.slice(0, -1).filter((reason) => reason !== "unavailable")).toEqual([]);
    // The operator's log has what the member's address bar does not.
    expect(offline.logs.join("")).toContain("identity provider unreachable");
  });
});

describe("sign-out", () => {
  it("is one step: the provider signs the member out without asking and returns to the portal's signed-out page", async () => {
    const agent = await system.signIn("ava");
    const out = await agent.post("/api/auth/logout");
    expect(out.status).toBe(200);
    const logoutUrl = new URL(out.json<{ logoutUrl: string }>().logoutUrl);
    expect(logoutUrl.searchParams.get("id_token_hint")).toBeTruthy();
    expect(logoutUrl.searchParams.get("post_logout_redirect_uri")).toBe(`${system.portalUrl}/signed-out`);

    const page = await agent.get(logoutUrl);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Sign out of the sandbox?");
    expect(page.text).toMatch(/<script>[^<]*requestSubmit[^<]*<\/script>/);
    // What the page's script does: submit the provider's form with its button (logout=yes).
    const action = formAction(page.text) ?? "";
    const xsrf = /name="xsrf" value="([^"]*)"/.exec(page.text)?.[1] ?? "";
    const done = await agent.postForm(new URL(action, page.url), { xsrf, logout: "yes" });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${system.portalUrl}/signed-out`);

    // Signed out at the provider too: the next sign-in asks for the password again.
    const again = await agent.follow(await agent.get("/api/auth/login"));
    expect(formAction(again.text)).toBeTruthy();
  });

  it("revokes the session on the server and sends the browser to the provider's logout", async () => {
    const agent = await system.signIn("cleo");
    const id = agent.cookie(SESSION);
    const out = await agent.post("/api/auth/logout");
    expect(out.status).toBe(200);
    const { logoutUrl } = out.json<{ logoutUrl: string }>();
    expect(new URL(logoutUrl).origin).toBe(system.sandbox.url);
    expect(new URL(logoutUrl).searchParams.get("post_logout_redirect_uri")).toBe(
      `${system.portalUrl}/signed-out`,
    );
    expect(agent.cookie(SESSION)).toBeUndefined();
    // The old cookie, replayed, is worth nothing.
    const replay = new Agent(system.portalUrl);
    replay.cookies.set(`${SESSION}@/`, { name: SESSION, value: id ?? "", path: "/" });
    expect((await replay.get("/api/me")).json()).toMatchObject({ user: null });
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
