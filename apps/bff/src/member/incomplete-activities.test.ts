import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// The member's list is built from two CrowdTwist endpoints. When only the second one (the activity
// descriptions: caps, segments, points-on-click) fails, the list is shown — marked degraded, since
// it lacks those — and every request tries again until the whole list can be had.

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ UPSTREAM_TIMEOUT_MS: "300" });
});
afterAll(() => system.close());

type Body = MemberActivitiesBody & { activities: { frequency: unknown }[] };

describe("when CrowdTwist's activity descriptions fail", () => {
  it("shows the list as degraded, then the whole list once they answer", async () => {
    const ava = await system.signIn("ava");
    system.sandbox.fault({ target: "crowdtwist", status: 503, pathPrefix: "/v2/activities" });
    let partial: Body;
    try {
      const response = await ava.get("/api/me/activities");
      expect(response.status).toBe(200);
      partial = response.json<Body>();
    } finally {
      system.sandbox.clearFaults();
    }
    expect(partial.freshness).toMatchObject({ degraded: true });
    expect(partial.activities.length).toBeGreaterThan(0);
    expect(partial.activities.every((a) => a.frequency === null || a.frequency === undefined)).toBe(true);

    // Not cached as fresh: later requests ask again and get the caps, once the breaker (opened by the
    // failed descriptions) has let a trial through.
    let whole: Body | undefined;
    await expect
      .poll(
        async () => {
          whole = (await ava.get("/api/me/activities")).json<Body>();
          return whole.freshness?.degraded;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(false);
    if (!whole) throw new Error("no answer");
    expect(whole.activities.length).toBe(partial.activities.length);
    expect(whole.activities.some((a) => a.frequency)).toBe(true);
  });
});
