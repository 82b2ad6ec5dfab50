import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createFaults, faultRuleSchema } from "./faults.ts";

function upstream() {
  const faults = createFaults();
  const app = new Hono();
  app.use("/v2/*", faults.middleware("crowdtwist"));
  app.get("/v2/ping", (c) => c.json({ pong: true }));
  return { faults, app };
}

const rule = (input: object) => faultRuleSchema.parse(input);

describe("fault injection", () => {
  it("passes requests through and counts them when no rule applies", async () => {
    const { faults, app } = upstream();
    expect((await app.request("/v2/ping")).status).toBe(200);
    expect(faults.stats().requests).toEqual({ crowdtwist: 1, alida: 0 });
  });

  it("answers with the upstream's error body for the given number of requests", async () => {
    const { faults, app } = upstream();
    faults.add(rule({ target: "crowdtwist", status: 503, times: 2 }));
    const first = await app.request("/v2/ping");
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ error: "internal_error" });
    expect((await app.request("/v2/ping")).status).toBe(503);
    expect((await app.request("/v2/ping")).status).toBe(200);
  });

  it("adds latency before answering", async () => {
    const { faults, app } = upstream();
    faults.add(rule({ target: "crowdtwist", latencyMs: 120 }));
    const started = performance.now();
    expect((await app.request("/v2/ping")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it("hangs until the caller gives up", async () => {
    const { faults, app } = upstream();
    faults.add(rule({ target: "crowdtwist", hang: true }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const response = await app.request("/v2/ping", { signal: controller.signal });
    expect(response.status).toBe(504);
  });

  it("applies a rule only to its upstream and path", async () => {
    const { faults, app } = upstream();
    faults.add(rule({ target: "alida", status: 500 }));
    faults.add(rule({ target: "crowdtwist", status: 500, pathPrefix: "/v2/users" }));
    expect((await app.request("/v2/ping")).status).toBe(200);
    faults.clear();
    expect(faults.rules()).toEqual([]);
  });

  it("rejects rules it cannot apply, naming the field", () => {
    const result = faultRuleSchema.safeParse({ target: "stripe", status: 200 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["target", "status"]);
  });
});
