import { createCrowdTwistClient } from "@portal/crowdtwist/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics } from "../observability/metrics.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "../testing/sandbox.ts";
import { createCachedLoader } from "../upstream/cached-upstream.ts";
import { createSwrCache } from "../upstream/swr-cache.ts";
import { createActivityCatalog } from "./activity-catalog.ts";

// The catalogue reads descriptions that are fresh in its cache at once and loads only the others:
// the answer (which ids, in which order, whether complete) is the same either way.

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.clearFaults();
  sandbox.resetRequests();
});

function setup() {
  const metrics = createMetrics({ defaultMetrics: false });
  const loader = createCachedLoader({
    operation: "crowdtwist_activity_extended",
    upstream: "crowdtwist",
    metrics,
    cache: createSwrCache({ freshMs: 60_000, staleMs: 60_000 }),
  });
  const crowdtwist = createCrowdTwistClient({
    baseUrl: sandbox.url,
    apiKey: SANDBOX_API_KEY,
    timeoutMs: 500,
  });
  const hits = async () =>
    (await metrics.cacheEvents.get()).values.find((v) => v.labels.event === "hit")?.value ?? 0;
  return { loader, catalog: createActivityCatalog({ crowdtwist, loader }), hits };
}

const IDS = ["105", "101", "999999", "112", "101"];

describe("activity catalogue", () => {
  it("answers the same from the cache as from CrowdTwist: ids in order, unknown ones absent", async () => {
    const { loader, catalog, hits } = setup();
    const cold = await catalog.details(IDS);
    expect([...cold.details.keys()]).toEqual(["105", "101", "112"]);
    expect(cold.complete).toBe(true);
    const requests = sandbox.requests();

    await loader.forget("extended:112");
    const mixed = await catalog.details(IDS);
    expect(mixed).toEqual(cold);
    // The unknown id is asked again (a 404 is not cached), and 112 was forgotten.
    expect(sandbox.requests() - requests).toBe(2);
    // 105 and 101 twice were read at once, each counted as a hit.
    expect(await hits()).toBe(3);
    // The same objects: a card made from a description is reused until the description changes.
    expect(mixed.details.get("105")).toBe(cold.details.get("105"));
  });

  it("says incomplete when a description that is not fresh cannot be had, and keeps the fresh ones", async () => {
    const { loader, catalog } = setup();
    await catalog.details(["101", "105"]);
    await loader.forget("extended:105");
    sandbox.fault({ target: "crowdtwist", status: 503 });
    const answer = await catalog.details(["101", "105"]);
    expect(answer.complete).toBe(false);
    expect([...answer.details.keys()]).toEqual(["101"]);
  });
});
