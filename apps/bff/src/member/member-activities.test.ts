import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { SANDBOX_API_KEY } from "../testing/sandbox.ts";
import { OIDC_CLIENT_SECRET, startTestSystem, type TestSystem } from "../testing/system.ts";

// The member's view when CrowdTwist misbehaves, through the real sandbox's fault injection. Every
// answer after the first is past the fresh window (0 s), so each one consults the upstream.

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({
    CACHE_FRESH_SECONDS: "0",
    CACHE_STALE_SECONDS: "600",
    UPSTREAM_TIMEOUT_MS: "300",
  });
});
afterAll(() => system.close());

const activities = async (agent: Awaited<ReturnType<TestSystem["signIn"]>>) => {
  const response = await agent.get("/api/me/activities");
  return {
    status: response.status,
    body: response.json<MemberActivitiesBody & { error?: unknown }>(),
    text: response.text,
  };
};

describe("when CrowdTwist fails", () => {
  it("keeps showing the last good data, marked degraded with its real age, and recovers", async () => {
    const ava = await system.signIn("ava");
    // The first load reads two dozen activity descriptions at once with a 300 ms limit each; on a busy
    // machine one may miss it, and the list is then (rightly) degraded until a whole answer comes.
    await expect
      .poll(async () => (await activities(ava)).body.freshness?.degraded, { timeout: 12_000, interval: 250 })
      .toBe(false);
    const first = await activities(ava);
    const fetchedAt = first.body.freshness?.fetchedAt;

    system.sandbox.fault({ target: "crowdtwist", status: 503 });
    await expect
      .poll(async () => (await activities(ava)).body.freshness?.degraded, { timeout: 5_000, interval: 100 })
      .toBe(true);
    const degraded = await activities(ava);
    expect(degraded.status).toBe(200);
    expect(degraded.body.freshness?.fetchedAt).toBe(fetchedAt);
    expect(degraded.body.activities.length).toBe(first.body.activities.length);

    // The failed refreshes opened the breaker: recovery waits for its cool-down (5 s) and one trial.
    system.sandbox.clearFaults();
    await expect
      .poll(async () => (await activities(ava)).body.freshness?.degraded, { timeout: 12_000, interval: 250 })
      .toBe(false);
  });

  it("answers 503 in our own words when there is nothing cached, never with the upstream's body", async () => {
    const cleo = await system.signIn("cleo");
    system.sandbox.fault({ target: "crowdtwist", status: 500 });
    try {
      const response = await activities(cleo);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        error: { code: "upstream_unavailable", requestId: expect.any(String) },
      });
      expect(response.text).not.toMatch(/internal_error|injected/i);
    } finally {
      system.sandbox.clearFaults();
    }
  });

  it("gives up on a hanging upstream at the timeout", async () => {
    const ben = await system.signIn("ben");
    system.sandbox.fault({ target: "crowdtwist", hang: true });
    try {
      const started = performance.now();
      const response = await activities(ben);
      expect(response.status).toBe(503);
      // Three attempts of 300 ms and short backoffs: far below a browser's patience.
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      system.sandbox.clearFaults();
    }
  });

  it("opens the breaker after repeated failures, says so on the public status, and stops calling", async () => {
    const morgan = await system.signIn("morgan");
    system.sandbox.fault({ target: "crowdtwist", status: 502 });
    try {
      for (let i = 0; i < 3; i += 1) await activities(morgan);
      // Every instance shares an upstream outage: it is no reason to take this one out of rotation.
      const ready = await morgan.get("/api/ready");
      expect(ready.status).toBe(200);
      const status = await morgan.get("/api/status");
      expect(status.json()).toMatchObject({
        status: "degraded",
        upstreams: expect.arrayContaining([expect.objectContaining({ name: "crowdtwist", state: "down" })]),
      });
      system.sandbox.resetRequests();
      const failFast = await activities(morgan);
      expect(failFast.status).toBe(503);
      expect(system.sandbox.requests("crowdtwist")).toBe(0);
    } finally {
      system.sandbox.clearFaults();
    }
  });
});

describe("logs", () => {
  it("carry request ids and never a key, secret, token or session id", async () => {
    const agent = await system.signIn("ava");
    // Read before signing out: sign-out clears the cookie from the agent's jar.
    const sessionId = agent.cookie("__Host-portal.sid");
    expect(sessionId).toMatch(/^[\w-]{43}$/);
    await agent.get("/api/me/activities");
    await agent.post("/api/auth/logout");
    const logs = system.logs.join("");
    expect(logs).toContain('"requestId"');
    for (const secret of [SANDBOX_API_KEY, OIDC_CLIENT_SECRET, sessionId ?? "no session id"]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(/code=[A-Za-z0-9_-]{10,}/);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // no JWT (ID token)
  });
});
