import { type CrowdTwistClient, createCrowdTwistClient } from "@portal/crowdtwist/client";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../observability/metrics.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "../testing/sandbox.ts";
import { createCachedLoader } from "./cached-upstream.ts";
import { createUpstreamResilience, type ResilienceOptions } from "./resilience.ts";
import { createSwrCache } from "./swr-cache.ts";
import { UpstreamUnavailableError } from "./upstream-unavailable-error.ts";

// The cache windows run on a fake clock; the upstream is the real sandbox over HTTP.

const SECOND = 1_000;
const FRESH_MS = 30 * SECOND;
const STALE_MS = 10 * 60 * SECOND;
const OPERATION = "crowdtwist_user_activities";

let sandbox: TestSandbox;
let client: CrowdTwistClient;
/** Gives up after 150 ms, for the hanging-upstream cases. */
let impatient: CrowdTwistClient;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createCrowdTwistClient({ baseUrl: sandbox.url, apiKey: SANDBOX_API_KEY, timeoutMs: 2_000 });
  impatient = createCrowdTwistClient({ baseUrl: sandbox.url, apiKey: SANDBOX_API_KEY, timeoutMs: 150 });
});

afterAll(async () => {
  await client.close();
  await impatient.close();
  await sandbox.close();
});

beforeEach(() => {
  sandbox.clearFaults();
  sandbox.resetRequests();
});

const activitiesOf =
  (user: string, via: () => CrowdTwistClient = () => client) =>
  (signal: AbortSignal) =>
    via().getUserActivities(user, { idType: "third_party_id", signal }).then(JSON.stringify);

function setup(resilience: Partial<ResilienceOptions> = {}) {
  const clock = { now: Date.UTC(2025, 5, 1, 12, 0, 0) };
  const metrics = createMetrics({ defaultMetrics: false });
  const cache = createSwrCache({ freshMs: FRESH_MS, staleMs: STALE_MS, now: () => clock.now });
  const loader = createCachedLoader({
    operation: OPERATION,
    metrics,
    cache,
    resilience: createUpstreamResilience({
      upstream: "crowdtwist",
      metrics,
      initialDelayMs: 1,
      maxDelayMs: 5,
      ...resilience,
    }),
  });
  const advance = (ms: number) => {
    clock.now += ms;
  };
  return { clock, metrics, loader, advance };
}

async function cacheEvents(metrics: Metrics): Promise<Record<string, number>> {
  const { values } = await metrics.cacheEvents.get();
  return Object.fromEntries(values.map((v) => [String(v.labels.event), v.value]));
}

describe("cached upstream loader", () => {
  it("serves a fresh hit from the cache without asking the upstream", async () => {
    const { clock, loader, advance } = setup();
    const first = await loader.load("ava", activitiesOf("ava"));
    advance(FRESH_MS);
    const second = await loader.load("ava", activitiesOf("ava"));

    expect(sandbox.requests()).toBe(1);
    expect(second.bytes).toBe(first.bytes);
    expect(JSON.parse(second.bytes)).toBeInstanceOf(Array);
    expect(second).toMatchObject({ degraded: false, ageSeconds: 30 });
    expect(second.fetchedAt.getTime()).toBe(clock.now - FRESH_MS);
    expect(second.freshness).toEqual({
      fetchedAt: second.fetchedAt.toISOString(),
      ageSeconds: 30,
      degraded: false,
    });
  });

  it("sends one upstream request for 200 concurrent cold loads of one key", async () => {
    const { loader, metrics } = setup();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => loader.load("ben", activitiesOf("ben"))),
    );

    expect(sandbox.requests()).toBe(1);
    expect(new Set(results.map((r) => r.bytes)).size).toBe(1);
    expect((await metrics.singleFlightJoins.get()).values[0]?.value).toBe(199);
  });

  it("answers a stale hit at once and refreshes it once in the background", async () => {
    const { loader, advance, clock } = setup();
    const first = await loader.load("cleo", activitiesOf("cleo"));
    advance(FRESH_MS + SECOND);
    sandbox.resetRequests();
    sandbox.fault({ target: "crowdtwist", latencyMs: 300, times: 1 });

    const startedAt = performance.now();
    const stale = await Promise.all([1, 2, 3].map(() => loader.load("cleo", activitiesOf("cleo"))));
    expect(performance.now() - startedAt).toBeLessThan(150);
    expect(stale.map((r) => r.fetchedAt.getTime())).toEqual(Array(3).fill(first.fetchedAt.getTime()));

    await loader.idle();
    expect(sandbox.requests()).toBe(1);
    const refreshed = await loader.load("cleo", activitiesOf("cleo"));
    expect(refreshed.fetchedAt.getTime()).toBe(clock.now);
    expect(refreshed.degraded).toBe(false);
    expect(sandbox.requests()).toBe(1);
  });

  it("serves the last good data as degraded with its true fetchedAt while the upstream fails", async () => {
    const { loader, advance } = setup();
    const good = await loader.load("ava", activitiesOf("ava"));
    advance(5 * 60 * SECOND);
    sandbox.fault({ target: "crowdtwist", status: 503 });

    const before = await loader.load("ava", activitiesOf("ava"));
    expect(before.degraded).toBe(false); // nothing known to be wrong yet
    await loader.idle();

    const degraded = await loader.load("ava", activitiesOf("ava"));
    expect(degraded).toMatchObject({ bytes: good.bytes, degraded: true, ageSeconds: 300 });
    expect(degraded.fetchedAt).toEqual(good.fetchedAt);

    sandbox.clearFaults();
    await loader.load("ava", activitiesOf("ava"));
    await loader.idle();
    expect((await loader.load("ava", activitiesOf("ava"))).degraded).toBe(false);
  });

  it("treats a hanging upstream like a failing one, and fails once the stale window has passed", async () => {
    const { loader, advance, metrics } = setup({ retries: 0 });
    const good = await loader.load(
      "ben",
      activitiesOf("ben", () => impatient),
    );
    advance(FRESH_MS + SECOND);
    sandbox.fault({ target: "crowdtwist", hang: true });

    await loader.load(
      "ben",
      activitiesOf("ben", () => impatient),
    );
    await loader.idle();
    const degraded = await loader.load(
      "ben",
      activitiesOf("ben", () => impatient),
    );
    expect(degraded).toMatchObject({ bytes: good.bytes, degraded: true });
    expect(degraded.fetchedAt).toEqual(good.fetchedAt);
    await loader.idle();
    const timeouts = (await metrics.upstreamRequestDuration.get()).values.find(
      (v) => v.metricName === "upstream_request_duration_seconds_count" && v.labels.outcome === "timeout",
    );
    expect(timeouts?.value).toBe(2);

    advance(STALE_MS);
    await expect(
      loader.load(
        "ben",
        activitiesOf("ben", () => impatient),
      ),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it("keeps serving degraded data without touching the network while the breaker is open", async () => {
    const { loader, advance } = setup({ retries: 0, breakerThreshold: 1, halfOpenAfterMs: 60_000 });
    await loader.load("cleo", activitiesOf("cleo"));
    advance(FRESH_MS + SECOND);
    sandbox.fault({ target: "crowdtwist", status: 500 });
    await loader.load("cleo", activitiesOf("cleo"));
    await loader.idle();
    sandbox.resetRequests();

    for (let i = 0; i < 3; i++) {
      expect((await loader.load("cleo", activitiesOf("cleo"))).degraded).toBe(true);
      await loader.idle();
    }
    await expect(loader.load("ben", activitiesOf("ben"))).rejects.toMatchObject({
      reason: "circuit_open",
    });
    expect(sandbox.requests()).toBe(0);
  });

  it("hands a 404 user-not-found to the caller and caches nothing for it", async () => {
    const { loader } = setup();
    for (let i = 0; i < 2; i++) {
      const error = await loader.load("nobody", activitiesOf("nobody")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrowdTwistError);
      expect(error).toMatchObject({ code: "page_not_found" });
    }
    expect(sandbox.requests()).toBe(2);
  });

  it("counts every cache event in the metrics text", async () => {
    const { loader, advance, metrics } = setup({ retries: 0 });
    await loader.load("ava", activitiesOf("ava")); // miss
    await loader.load("ava", activitiesOf("ava")); // hit
    advance(FRESH_MS + SECOND);
    sandbox.fault({ target: "crowdtwist", status: 500 });
    await loader.load("ava", activitiesOf("ava")); // stale + revalidate
    await loader.idle(); // revalidate_failed
    await loader.load("ava", activitiesOf("ava")); // stale + served_degraded + revalidate
    await loader.idle(); // revalidate_failed

    expect(await cacheEvents(metrics)).toEqual({
      miss: 1,
      hit: 1,
      stale: 2,
      revalidate: 2,
      revalidate_failed: 2,
      served_degraded: 1,
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain(`cache_events_total{cache="${OPERATION}",event="served_degraded"} 1`);
    expect(text).toContain(`cache_events_total{cache="${OPERATION}",event="revalidate_failed"} 2`);
    expect(text).toContain(
      `upstream_request_duration_seconds_count{upstream="crowdtwist",operation="${OPERATION}",outcome="error"} 2`,
    );
    expect(text).toContain(
      `upstream_request_duration_seconds_count{upstream="crowdtwist",operation="${OPERATION}",outcome="ok"} 1`,
    );
    expect(text).toContain(`circuit_breaker_state{upstream="crowdtwist"} 0`);
  });
});
