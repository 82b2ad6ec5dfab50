import { type CrowdTwistClient, createCrowdTwistClient } from "@portal/crowdtwist/client";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMetrics } from "../observability/metrics.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "../testing/sandbox.ts";
import { createUpstreamResilience, type ResilienceOptions } from "./resilience.ts";
import { UpstreamUnavailableError } from "./upstream-unavailable-error.ts";

// The real CrowdTwist client against the real sandbox, with the sandbox's fault injection and
// request counter as the witness of what reached the upstream.

let sandbox: TestSandbox;
let client: CrowdTwistClient;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createCrowdTwistClient({ baseUrl: sandbox.url, apiKey: SANDBOX_API_KEY, timeoutMs: 2_000 });
});

afterAll(async () => {
  await client.close();
  await sandbox.close();
});

beforeEach(() => {
  sandbox.clearFaults();
  sandbox.resetRequests();
  // The breaker (cockatiel) times its open state with Date.now(): a fake Date moves it on at once,
  // while the network's timers stay real.
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterEach(() => {
  vi.useRealTimers();
});

const passTime = (ms: number) => vi.setSystemTime(Date.now() + ms);

const READ = { operation: "user_activities", idempotent: true } as const;
const activitiesOf = (user: string) => (signal: AbortSignal) =>
  client.getUserActivities(user, { idType: "third_party_id", signal });

function setup(options: Partial<ResilienceOptions> = {}) {
  const metrics = createMetrics({ defaultMetrics: false });
  const resilience = createUpstreamResilience({
    upstream: "crowdtwist",
    metrics,
    initialDelayMs: 1,
    maxDelayMs: 5,
    ...options,
  });
  return { metrics, resilience };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("upstream resilience", () => {
  it("retries an idempotent read through two 503s and succeeds", async () => {
    const { metrics, resilience } = setup();
    sandbox.fault({ target: "crowdtwist", status: 503, times: 2 });

    const activities = await resilience.execute(READ, activitiesOf("ava"));

    expect(activities.length).toBeGreaterThan(0);
    expect(sandbox.requests()).toBe(3);
    const retries = await metrics.upstreamRetries.get();
    expect(retries.values[0]?.value).toBe(2);
  });

  it("gives up after the configured retries with a typed error carrying the last failure", async () => {
    const { resilience } = setup({ retries: 1 });
    sandbox.fault({ target: "crowdtwist", status: 500 });

    const error = await rejection(resilience.execute(READ, activitiesOf("ava")));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ upstream: "crowdtwist", reason: "failed" });
    expect((error as Error).cause).toBeInstanceOf(CrowdTwistError);
    expect(sandbox.requests()).toBe(2);
  });

  it("never retries a request that is not idempotent", async () => {
    const { resilience } = setup();
    sandbox.fault({ target: "crowdtwist", status: 503, times: 1 });

    const error = await rejection(resilience.execute({ ...READ, idempotent: false }, activitiesOf("ava")));

    expect(error).toMatchObject({ reason: "failed" });
    expect(sandbox.requests()).toBe(1);
  });

  it("passes a 404 user-not-found through untouched: no retry, and it never trips the breaker", async () => {
    const { resilience } = setup({ breakerThreshold: 2 });

    for (let i = 0; i < 4; i++) {
      const error = await rejection(resilience.execute(READ, activitiesOf("nobody-here")));
      expect(error).toBeInstanceOf(CrowdTwistError);
      expect(error).toMatchObject({ status: 404, code: "page_not_found" });
    }

    expect(sandbox.requests()).toBe(4);
    expect(resilience.breakerState()).toBe("closed");
  });

  it("opens after consecutive 5xx, fails fast without network, and closes after a good trial", async () => {
    const { metrics, resilience } = setup({ retries: 0, breakerThreshold: 3, halfOpenAfterMs: 150 });
    sandbox.fault({ target: "crowdtwist", status: 502 });

    for (let i = 0; i < 3; i++) {
      await expect(resilience.execute(READ, activitiesOf("ava"))).rejects.toMatchObject({ reason: "failed" });
    }
    expect(resilience.breakerState()).toBe("open");
    expect(sandbox.requests()).toBe(3);

    for (let i = 0; i < 5; i++) {
      const error = await rejection(resilience.execute(READ, activitiesOf("ava")));
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({ upstream: "crowdtwist", reason: "circuit_open" });
    }
    expect(sandbox.requests()).toBe(3);
    expect((await metrics.circuitBreakerState.get()).values[0]?.value).toBe(2);

    sandbox.clearFaults();
    passTime(149);
    await expect(resilience.execute(READ, activitiesOf("ava"))).rejects.toMatchObject({
      reason: "circuit_open",
    });
    expect(sandbox.requests()).toBe(3);
    passTime(1);
    await expect(resilience.execute(READ, activitiesOf("ava"))).resolves.toBeInstanceOf(Array);
    expect(resilience.breakerState()).toBe("closed");
    expect(sandbox.requests()).toBe(4);
    expect((await metrics.circuitBreakerState.get()).values[0]?.value).toBe(0);
  });

  it("re-opens at once when the half-open trial fails", async () => {
    const { resilience } = setup({ retries: 0, breakerThreshold: 1, halfOpenAfterMs: 50 });
    sandbox.fault({ target: "crowdtwist", status: 500 });
    await expect(resilience.execute(READ, activitiesOf("ava"))).rejects.toMatchObject({ reason: "failed" });

    passTime(50);
    await expect(resilience.execute(READ, activitiesOf("ava"))).rejects.toMatchObject({ reason: "failed" });
    expect(resilience.breakerState()).toBe("open");
    expect(sandbox.requests()).toBe(2);
    // Open again for a whole new wait: the next call is refused without reaching the upstream.
    passTime(49);
    await expect(resilience.execute(READ, activitiesOf("ava"))).rejects.toMatchObject({
      reason: "circuit_open",
    });
    expect(sandbox.requests()).toBe(2);
  });
});
