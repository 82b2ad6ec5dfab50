import { type CrowdTwistClient, createCrowdTwistClient } from "@portal/crowdtwist/client";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMetrics, type Metrics } from "../observability/metrics.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "../testing/sandbox.ts";
import { createCachedLoader } from "./cached-upstream.ts";
import { DeadlineExceededError } from "./deadline.ts";
import { createUpstreamResilience, type ResilienceOptions, type UpstreamResilience } from "./resilience.ts";
import { resilientCrowdTwist } from "./resilient-crowdtwist.ts";
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

/** The resilience of the test's current setup(): every upstream call of a loader goes through it. */
let resilience: UpstreamResilience;

const activitiesOf =
  (user: string, via: () => CrowdTwistClient = () => client) =>
  (signal: AbortSignal) =>
    resilientCrowdTwist(via(), resilience)
      .getUserActivities(user, { idType: "third_party_id", signal })
      .then(JSON.stringify);

function setup(options: Partial<ResilienceOptions> = {}, deadlines: { deadlineMs?: number } = {}) {
  const clock = { now: Date.UTC(2025, 5, 1, 12, 0, 0) };
  const metrics = createMetrics({ defaultMetrics: false });
  const cache = createSwrCache({ freshMs: FRESH_MS, staleMs: STALE_MS, now: () => clock.now });
  resilience = createUpstreamResilience({
    upstream: "crowdtwist",
    metrics,
    initialDelayMs: 1,
    maxDelayMs: 5,
    ...options,
  });
  const loader = createCachedLoader({
    operation: OPERATION,
    upstream: "crowdtwist",
    metrics,
    cache,
    ...deadlines,
  });
  const advance = (ms: number) => {
    clock.now += ms;
  };
  return { clock, metrics, loader, advance, resilience };
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

    // The refresh is held until the stale answers are in: were they waiting for it, they could only
    // arrive after the deadline opens it, and the order below would be the other way round.
    const order: string[] = [];
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const deadline = setTimeout(() => {
      order.push("gate opened by the deadline");
      open();
    }, 5_000);
    const held = (signal: AbortSignal) => gate.then(() => activitiesOf("cleo")(signal));
    try {
      const stale = await Promise.all([1, 2, 3].map(() => loader.load("cleo", held)));
      order.push("stale answers");
      open();
      await loader.idle();
      order.push("refreshed");
      expect(order).toEqual(["stale answers", "refreshed"]);
      expect(stale.map((r) => r.fetchedAt.getTime())).toEqual(Array(3).fill(first.fetchedAt.getTime()));
    } finally {
      clearTimeout(deadline);
    }

    expect(sandbox.requests()).toBe(1);
    const refreshed = await loader.load("cleo", activitiesOf("cleo"));
    expect(refreshed.fetchedAt.getTime()).toBe(clock.now);
    expect(refreshed.degraded).toBe(false);
    expect(sandbox.requests()).toBe(1);
  });

  it("serves the last good data as degraded with its true fetchedAt while the upstream fails", async () => {
    // No retries: two failed refreshes stay under the breaker's threshold, so recovery is immediate.
    const { loader, advance } = setup({ retries: 0 });
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
      `upstream_request_duration_seconds_count{upstream="crowdtwist",operation="user_activities",outcome="error"} 2`,
    );
    expect(text).toContain(
      `upstream_request_duration_seconds_count{upstream="crowdtwist",operation="user_activities",outcome="ok"} 1`,
    );
    expect(text).toContain(`circuit_breaker_state{upstream="crowdtwist"} 0`);
  });

  it("reads many keys at once: each fresh one is a hit, in the keys' order", async () => {
    const { loader, metrics } = setup({ retries: 0 });
    const ava = await loader.load("ava", activitiesOf("ava")); // miss
    expect(loader.freshMany(["ava", "ben", "ava"])).toEqual([ava.bytes, undefined, ava.bytes]);
    expect(await cacheEvents(metrics)).toEqual({ miss: 1, hit: 2 });
  });

  it("reads a fresh entry at once (a hit), and nothing else: missing, stale and degraded need a load", async () => {
    const { loader, advance, metrics } = setup({ retries: 0 });
    expect(loader.freshMany(["ava"])[0]).toBeUndefined(); // missing: nothing counted, nothing loaded
    const loaded = await loader.load("ava", activitiesOf("ava")); // miss
    expect(loader.freshMany(["ava"])[0]).toBe(loaded.bytes); // hit
    advance(FRESH_MS + SECOND);
    expect(loader.freshMany(["ava"])[0]).toBeUndefined(); // stale: left to load, which refreshes it
    await loader.load("ava", activitiesOf("ava")); // stale + revalidate
    await loader.idle();
    expect(loader.freshMany(["ava"])[0]).toBeDefined(); // refreshed: a hit
    advance(FRESH_MS + SECOND);
    sandbox.fault({ target: "crowdtwist", status: 500 });
    await loader.load("ava", activitiesOf("ava")); // stale + revalidate
    await loader.idle(); // revalidate_failed
    expect(loader.freshMany(["ava"])[0]).toBeUndefined(); // degraded: every read retries through load
    expect(sandbox.requests()).toBe(3);
    expect(await cacheEvents(metrics)).toEqual({
      miss: 1,
      hit: 2,
      stale: 2,
      revalidate: 2,
      revalidate_failed: 1,
    });
  });
});

// The portal once hung for good after an outage: a member's load read the activity descriptions
// through a second cached loader inside its own breaker call, and in the half-open state that inner
// call waited for the decision of the trial it was part of. These are the sequences that found it.
describe("cached upstream loader under deadlines", () => {
  // The breaker (cockatiel) times its open state with Date.now(): a fake Date moves it past
  // `halfOpenAfterMs` at once, while the network's timers (and the deadlines) stay real.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const passTime = (ms: number) => vi.setSystemTime(Date.now() + ms);
  const settle = <T>(work: Promise<T>) =>
    work.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  /** The deadline that cut a call short, in ms, from the error a caller got. */
  const cutBy = (settled: { value: unknown } | { error: unknown }) => {
    const cause = "error" in settled && settled.error instanceof Error ? settled.error.cause : undefined;
    return cause instanceof DeadlineExceededError ? cause.deadlineMs : null;
  };

  it("recovers through a half-open trial when a load reads another cached loader", async () => {
    const {
      loader,
      metrics,
      resilience: shared,
    } = setup({
      retries: 0,
      breakerThreshold: 1,
      halfOpenAfterMs: 50,
    });
    const details = createCachedLoader({ operation: "details", upstream: "crowdtwist", metrics });
    const resilient = resilientCrowdTwist(client, shared);
    const member = (user: string) => (signal: AbortSignal) =>
      resilient.getUserActivities(user, { idType: "third_party_id", signal }).then(async (list) => {
        // The nested read, as the member's activities read the program-wide descriptions.
        const first = list[0];
        if (first)
          await details.load(`extended:${first.id}`, (inner) =>
            resilient.getActivityExtended(first.id, { signal: inner }).then(JSON.stringify),
          );
        return JSON.stringify(list);
      });

    sandbox.fault({ target: "crowdtwist", status: 503 });
    await expect(loader.load("ava", member("ava"))).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(shared.breakerState()).toBe("open");
    sandbox.clearFaults();
    passTime(50);

    const result = await settle(loader.load("ava", member("ava")));
    expect(result).toHaveProperty("value");
    expect(shared.breakerState()).toBe("closed");
    expect(shared.health().state).toBe("ok");
  });

  it("answers every caller of a hanging load within the deadline, then recovers", async () => {
    const { loader, resilience: shared } = setup({ retries: 2 }, { deadlineMs: 300 });
    sandbox.fault({ target: "crowdtwist", hang: true });

    const callers = await Promise.all(
      Array.from({ length: 10 }, () => settle(loader.load("ben", activitiesOf("ben")))),
    );
    for (const caller of callers) {
      expect(caller).toHaveProperty("error");
      expect((caller as { error: unknown }).error).toBeInstanceOf(UpstreamUnavailableError);
      // Answered by the loader's deadline, not by the client's timeout or the resilience's (4 s).
      expect(cutBy(caller)).toBe(300);
    }
    expect(sandbox.requests()).toBe(1); // one flight, joined by nine, aborted at the deadline
    // The aborted attempt is recorded as the abort reaches the socket, a moment after the callers' answer.
    await vi.waitFor(() => expect(shared.health().state).toBe("degraded"), { timeout: 2_000 });

    sandbox.clearFaults();
    const recovered = await loader.load("ben", activitiesOf("ben"));
    expect(recovered.degraded).toBe(false);
    expect(shared.health().state).toBe("ok");
  });

  it("counts a half-open trial cut short by the deadline as a failure, not a success", async () => {
    const { loader, resilience: shared } = setup(
      { retries: 0, breakerThreshold: 1, halfOpenAfterMs: 50, deadlineMs: 200 },
      { deadlineMs: 1_000 },
    );
    sandbox.fault({ target: "crowdtwist", status: 503 });
    await expect(loader.load("cleo", activitiesOf("cleo"))).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(shared.breakerState()).toBe("open");

    sandbox.clearFaults();
    sandbox.fault({ target: "crowdtwist", hang: true });
    passTime(50);
    // The trial hangs; the resilience deadline (200 ms) cuts it short, and waiters are not stuck.
    const trial = await settle(loader.load("cleo", activitiesOf("cleo")));
    expect(trial).toHaveProperty("error");
    expect(cutBy(trial)).toBe(200);
    expect(shared.breakerState()).toBe("open");

    sandbox.clearFaults();
    passTime(50);
    expect((await loader.load("cleo", activitiesOf("cleo"))).degraded).toBe(false);
    expect(shared.breakerState()).toBe("closed");
  });

  it("gives a degraded entry's refresh a moment, so the first request after recovery is fresh", async () => {
    const { loader, advance } = setup({ retries: 0 });
    await loader.load("ava", activitiesOf("ava"));
    advance(FRESH_MS + SECOND);
    sandbox.fault({ target: "crowdtwist", status: 503 });
    await loader.load("ava", activitiesOf("ava"));
    await loader.idle();
    expect((await loader.load("ava", activitiesOf("ava"))).degraded).toBe(true);
    await loader.idle();

    sandbox.clearFaults();
    const first = await loader.load("ava", activitiesOf("ava"));
    expect(first).toMatchObject({ degraded: false, ageSeconds: 0 });
  });
});
