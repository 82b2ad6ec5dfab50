import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../testing/agent.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

let system: TestSystem;
let member: Agent;
let manager: Agent;
beforeAll(async () => {
  system = await startTestSystem();
  member = await system.signIn("ava");
  manager = await system.signIn("morgan");
});
afterAll(() => system.close());

/** Every route registered under /api/manager, with sample values for its parameters. */
function managerRoutes() {
  const routes = system.bff.app.routes
    .filter((route) => route.path.startsWith("/api/manager/") && route.method !== "ALL")
    .map((route) => ({ method: route.method, path: route.path.replace(/:(\w+)(\{[^}]*\})?/g, "101") }));
  return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

describe("manager routes", () => {
  it("are all guarded: anonymous 401, members 403, managers let through", async () => {
    const routes = managerRoutes();
    expect(routes.length).toBeGreaterThan(0);
    const anonymous = new Agent(system.portalUrl);
    for (const { method, path } of routes) {
      const send = (agent: Agent) =>
        method === "GET"
          ? agent.get(path)
          : agent.request(method, path, { headers: { "x-csrf": "1", origin: system.portalUrl } });
      expect((await send(anonymous)).status, `${method} ${path} anonymous`).toBe(401);
      expect((await send(member)).status, `${method} ${path} as a member`).toBe(403);
      expect([401, 403], `${method} ${path} as a manager`).not.toContain((await send(manager)).status);
    }
  });

  it("describe an activity and who sees it, tier by tier", async () => {
    const response = await manager.get("/api/manager/activities/105");
    expect(response.status).toBe(200);
    const body = response.json<{
      activity: { id: string; publicTitle: string };
      matrix: { rows: unknown[] };
    }>();
    expect(body.activity).toMatchObject({ id: "105", publicTitle: "Buy a season ticket", minTierId: "345" });
    expect(body.matrix).toMatchObject({
      rows: [
        {
          audience: "everyone",
          cells: [
            { tier: { title: "Bronze" }, visibility: { state: "locked" } },
            { tier: { title: "Silver" }, visibility: { state: "available" } },
            { tier: { title: "Gold" }, visibility: { state: "available" } },
          ],
        },
      ],
    });
  });

  it("split in- and out-of-segment members when a segment applies", async () => {
    const body = (await manager.get("/api/manager/activities/113")).json<{
      matrix: { rows: { audience: string }[] };
    }>();
    expect(body.matrix.rows.map((row) => row.audience)).toEqual(["in_segment", "out_of_segment"]);
  });

  it("answer 400 for an id that is not a CrowdTwist id, and 404 for an unknown one", async () => {
    const bad = await manager.get("/api/manager/activities/abc");
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: "invalid_activity_id", message: expect.stringContaining("number") },
    });
    const unknown = await manager.get("/api/manager/activities/999999");
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: "activity_not_found" } });
  });

  it("never forward the browser's cookie or authorization to CrowdTwist", async () => {
    system.sandbox.resetRequests();
    await manager.get("/api/manager/activities/101", { authorization: "Bearer from-the-browser" });
    expect(system.sandbox.requests("crowdtwist")).toBe(1);
    const names = system.sandbox.lastHeaderNames("crowdtwist");
    expect(names).toContain("x-ct-authorization");
    expect(names).not.toContain("cookie");
    expect(names).not.toContain("authorization");
  });
});
