import { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// No API answer may be kept by a browser cache or a shared proxy: it is checked for every route the
// API registers (so a new route is covered without touching this test), as each kind of caller, for
// successes and errors alike.

let system: TestSystem;
let member: Agent;
let manager: Agent;
beforeAll(async () => {
  system = await startTestSystem();
  member = await system.signIn("ava");
  manager = await system.signIn("morgan");
});
afterAll(() => system.close());

/** The live-update stream never ends by itself; it keeps its own headers (routes/me.ts). */
const STREAMS = new Set(["/api/me/events"]);

function apiRoutes() {
  const routes = system.bff.app.routes
    .filter((route) => route.path.startsWith("/api/") && route.method !== "ALL" && !STREAMS.has(route.path))
    .map((route) => ({ method: route.method, path: route.path.replace(/:(\w+)(\{[^}]*\})?/g, "105") }));
  return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

describe("Cache-Control on API answers", () => {
  it("is no-store on every route, for anonymous callers, members and managers", async () => {
    const routes = apiRoutes();
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/me", "/api/manager/audit"]));
    const anonymous = new Agent(system.portalUrl);
    for (const { method, path } of routes) {
      // Signing out last: the agents stay signed in for the other routes.
      if (path === "/api/auth/logout") continue;
      for (const [who, agent] of [
        ["anonymous", anonymous],
        ["member", member],
        ["manager", manager],
      ] as const) {
        const response = method === "GET" ? await agent.get(path) : await agent.post(path, {});
        expect(
          response.headers.get("cache-control"),
          `${method} ${path} as ${who} (${response.status})`,
        ).toBe("no-store");
      }
    }
  });

  it("is no-store on a member's data, a manager's preview of a member, and the audit log", async () => {
    const answers = [
      await member.get("/api/me"),
      await member.get("/api/me/activities"),
      await manager.post("/api/manager/preview-member", {
        idType: "third_party_id",
        userId: "ava",
        reason: "Support ticket 4711: checking the cache headers",
      }),
      await manager.get("/api/manager/audit"),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.url).toBe(200);
      expect(answer.headers.get("cache-control"), answer.url).toBe("no-store");
    }
  });

  it("is no-store on errors: unknown routes, refused requests, rate limits", async () => {
    const anonymous = new Agent(system.portalUrl);
    const unknown = await anonymous.get("/api/nothing-here");
    expect(unknown.status).toBe(404);
    const csrf = await anonymous.request("POST", "/api/auth/logout");
    expect(csrf.status).toBe(403);
    for (const answer of [unknown, csrf]) expect(answer.headers.get("cache-control")).toBe("no-store");

    const limited = await startTestSystem({ RATE_LIMIT_PER_MINUTE: "1" });
    try {
      const agent = new Agent(limited.portalUrl);
      await agent.get("/api/me");
      const refused = await agent.get("/api/me");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("cache-control")).toBe("no-store");
    } finally {
      await limited.close();
    }
  });

  it("is no-store on signing out", async () => {
    const ben = await system.signIn("ben");
    const signedOut = await ben.post("/api/auth/logout");
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers.get("cache-control")).toBe("no-store");
  });

  it("leaves the app's own pages to their own rule", async () => {
    const page = await member.get("/");
    expect(page.headers.get("cache-control")).not.toBe("no-store");
  });
});
