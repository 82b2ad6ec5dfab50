import { request } from "node:http";
import { Agent, formAction } from "@portal/sandbox/testing/agent";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livePushBody } from "../live-push/profile-fixture.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";
import { canonicalHost } from "./canonical-host.ts";

// The portal answers on one address. The test system's PUBLIC_URL is http://localhost:<port> and it
// listens on 127.0.0.1, so `127.0.0.1:<port>` is the classic wrong name for the right server.

interface Raw {
  status: number;
  location: string | undefined;
  cacheControl: string | undefined;
  body: string;
}

/** One request with exactly these headers (fetch will not send a made-up Host). */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = "GET",
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers, timeout: 5_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          cacheControl: res.headers["cache-control"],
          body: text,
        }),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

let system: TestSystem;
let port: number;
let canonicalHostHeader: string;
beforeAll(async () => {
  system = await startTestSystem();
  port = Number(new URL(system.portalUrl).port);
  canonicalHostHeader = new URL(system.portalUrl).host;
});
afterAll(() => system?.close());

describe("a page or sign-in asked for under another host name", () => {
  it.each([
    ["/", "/"],
    ["/activities/109?filter=locked&sort=points", "/activities/109?filter=locked&sort=points"],
    ["/signed-out", "/signed-out"],
    ["/api/auth/login?returnTo=%2Factivities", "/api/auth/login?returnTo=%2Factivities"],
    ["/api/auth/callback?code=c&state=s", "/api/auth/callback?code=c&state=s"],
  ])("GET %s goes to PUBLIC_URL with the same path and query", async (path, expected) => {
    const answer = await raw(port, path, { host: `127.0.0.1:${port}` });
    expect(answer.status).toBe(308);
    expect(answer.location).toBe(`${system.portalUrl}${expected}`);
    // Not remembered by the browser: a later change of PUBLIC_URL must not loop through a cached answer.
    expect(answer.cacheControl).toBe("no-store");
  });

  it("HEAD is redirected like GET", async () => {
    const answer = await raw(port, "/activities", { host: `127.0.0.1:${port}` }, "HEAD");
    expect(answer.status).toBe(308);
    expect(answer.location).toBe(`${system.portalUrl}/activities`);
  });

  // Functions of the port, which is only known once the system has started.
  it.each([
    ["a foreign host", () => ({ host: "evil.test" })],
    ["a foreign host, forwarded too", () => ({ host: "evil.test", "x-forwarded-host": "evil.test" })],
    [
      "a canonical name second in the list",
      () => ({ host: `evil.test:${port}`, "x-forwarded-host": "evil.test, localhost" }),
    ],
    ["the right name on no port", () => ({ host: "localhost" })],
    ["the right name on another port", () => ({ host: `localhost:${port + 1}` })],
    [
      "a forwarded host with a path",
      () => ({ host: `127.0.0.1:${port}`, "x-forwarded-host": `localhost:${port}/@evil.test` }),
    ],
    [
      "a forwarded host with user info",
      () => ({ host: `127.0.0.1:${port}`, "x-forwarded-host": `evil.test@localhost:${port}` }),
    ],
  ])("never to a host the request names: %s", async (_case, headers) => {
    for (const path of ["/", "//evil.test/x", "/api/auth/login?returnTo=https://evil.test"]) {
      const answer = await raw(port, path, headers());
      expect(answer.status, path).toBe(308);
      const target = new URL(answer.location ?? "", "http://relative.invalid");
      expect(target.origin, path).toBe(system.portalUrl);
      expect(answer.location?.startsWith(`${system.portalUrl}/`), path).toBe(true);
    }
  });

  it("a malformed Host never becomes the target either", async () => {
    const answer = await raw(port, "/", { host: `localhost:${port}@evil.test` });
    // Refused outright by the HTTP layer, or sent home: either way never to evil.test.
    if (answer.status === 308) expect(new URL(answer.location ?? "").origin).toBe(system.portalUrl);
    else expect(answer.status).toBe(400);
  });

  it("a full sign-in started there continues on PUBLIC_URL and signs the member in", async () => {
    const wrongOrigin = `http://127.0.0.1:${port}`;
    const agent = new Agent(wrongOrigin);
    const start = await agent.get("/api/auth/login?returnTo=/activities");
    expect(start.status).toBe(308);
    // The sign-in cookie is only ever set by the canonical host's answer.
    expect(start.headers.getSetCookie()).toEqual([]);
    const begun = await agent.get(start.location ?? "");
    expect(begun.status).toBe(302);
    expect(begun.headers.getSetCookie().some((c) => c.startsWith("__Host-portal.login="))).toBe(true);

    const loginPage = await agent.follow(begun);
    const action = formAction(loginPage.text);
    if (!action) throw new Error(`no login form at ${loginPage.url}`);
    const submitted = await agent.postForm(new URL(action, loginPage.url), {
      username: "ava",
      password: "demo",
    });
    const landed = await agent.follow(
      submitted,
      (next) => next.origin === system.portalUrl && !next.pathname.startsWith("/api/"),
    );
    expect(new URL(landed.location ?? "", landed.url).href).toBe(`${system.portalUrl}/activities`);
    expect((await agent.get(`${system.portalUrl}/api/me`)).status).toBe(200);
  });
});

describe("what is left alone on any host", () => {
  const elsewhere = () => ({ host: `127.0.0.1:${port}` });

  it("health and readiness probes answer where they are asked", async () => {
    expect((await raw(port, "/api/health", elsewhere())).status).toBe(200);
    expect([200, 503]).toContain((await raw(port, "/api/ready", elsewhere())).status);
  });

  it("metrics answer where they are scraped", async () => {
    const answer = await raw(port, "/metrics", elsewhere());
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("# HELP");
  });

  it("CrowdTwist's Live Push is stored, not redirected", async () => {
    const answer = await raw(
      port,
      "/webhooks/crowdtwist/user-profile",
      { ...elsewhere(), "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
      "POST",
      JSON.stringify(livePushBody("ben")),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ outcome: expect.any(String) });
  });

  it("other API calls answer as usual, in the API's own shape", async () => {
    const answer = await raw(port, "/api/me/activities", elsewhere());
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("a request on the canonical host is served, not redirected", async () => {
    const answer = await raw(port, "/activities", { host: canonicalHostHeader });
    expect(answer.status).not.toBe(308);
    expect(answer.location).toBeUndefined();
  });
});

describe("canonical host behind a proxy", () => {
  const app = (publicUrl: string) => new Hono().use(canonicalHost(publicUrl)).get("*", (c) => c.text("page"));
  const ask = (publicUrl: string, headers: Record<string, string>) =>
    app(publicUrl).request("http://internal/activities?x=1", { headers });

  it.each([
    ["https://portal.example", { host: "portal.example" }],
    ["https://portal.example", { host: "portal.example:443" }],
    ["https://portal.example", { host: "PORTAL.Example" }],
    ["https://portal.example:8443", { host: "portal.example:8443" }],
    ["https://portal.example", { host: "10.0.0.7:3001", "x-forwarded-host": "portal.example" }],
    ["https://portal.example", { host: "10.0.0.7:3001", "x-forwarded-host": "portal.example, 10.0.0.1" }],
  ])("%s is served to %o", async (publicUrl, headers) => {
    const response = await ask(publicUrl, headers);
    expect(response.status).toBe(200);
  });

  it.each([
    ["https://portal.example", { host: "portal.example:80" }],
    ["https://portal.example", { host: "www.portal.example" }],
    ["https://portal.example:8443", { host: "portal.example" }],
    ["https://portal.example", { host: "10.0.0.7:3001", "x-forwarded-host": "evil.test" }],
    ["https://portal.example", { host: "10.0.0.7:3001", "x-forwarded-host": "" }],
  ])("%s redirects %o there", async (publicUrl, headers) => {
    const response = await ask(publicUrl, headers);
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`${new URL(publicUrl).origin}/activities?x=1`);
  });

  it("state-changing requests are never redirected (a 308 would replay them elsewhere)", async () => {
    const response = await app("https://portal.example").request("http://internal/anything", {
      method: "POST",
      headers: { host: "evil.test" },
    });
    expect(response.status).not.toBe(308);
  });
});
