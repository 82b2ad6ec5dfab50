import { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

let system: TestSystem;
let agent: Agent;
beforeAll(async () => {
  system = await startTestSystem();
  agent = await system.signIn("ava");
});
afterAll(() => system.close());

describe("CSRF", () => {
  it.each([
    ["no custom header", { origin: "PORTAL" }],
    ["the header with a wrong value", { "x-csrf": "0", origin: "PORTAL" }],
    ["a foreign Origin", { "x-csrf": "1", origin: "https://evil.test" }],
    ["a cross-site fetch", { "x-csrf": "1", "sec-fetch-site": "cross-site" }],
    ["neither Origin nor Sec-Fetch-Site", { "x-csrf": "1" }],
  ])("refuses a state-changing request with %s", async (_name, headers) => {
    const resolved = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v === "PORTAL" ? system.portalUrl : v]),
    );
    for (const contentType of ["application/json", "application/x-www-form-urlencoded", "text/plain", null]) {
      const response = await agent.request("POST", "/api/auth/logout", {
        headers: { ...resolved, ...(contentType ? { "content-type": contentType } : {}) },
        ...(contentType ? { body: contentType === "application/json" ? "{}" : "a=1" } : {}),
      });
      expect(response.status, `${contentType}`).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: "csrf_rejected" } });
    }
    expect((await agent.get("/api/me")).status).toBe(200); // still signed in
  });

  it("grants no cross-origin access", async () => {
    const preflight = await agent.request("OPTIONS", "/api/me", {
      headers: { origin: "https://evil.test", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const read = await agent.get("/api/me", { origin: "https://evil.test" });
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("body limits", () => {
  it("refuses an oversized body with 413", async () => {
    const response = await agent.post("/api/auth/logout", { padding: "x".repeat(40_000) });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("refuses an oversized chunked upload that declares no length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(8192));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(new URL("/api/auth/logout", system.portalUrl), {
      method: "POST",
      body,
      duplex: "half",
      headers: {
        "content-type": "application/json",
        "x-csrf": "1",
        origin: system.portalUrl,
        cookie: `__Host-portal.sid=${agent.cookie("__Host-portal.sid")}`,
      },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await agent.get("/api/me")).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After past the limit per minute", async () => {
    const limited = await startTestSystem({ RATE_LIMIT_PER_MINUTE: "5", LOGIN_RATE_LIMIT_PER_MINUTE: "100" });
    try {
      const anonymous = new Agent(limited.portalUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await anonymous.get("/api/me/activities")).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const refused = await anonymous.get("/api/me/activities");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.json()).toMatchObject({ error: { code: "rate_limited" } });
      // Health checks are not rate limited: a balancer must always be able to ask.
      expect((await anonymous.get("/api/health")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
