import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEED_PATH, segmentationBody, userActivityBody } from "../live-push/feeds/feed-fixtures.ts";
import type { MemberActivityView } from "../member/activity-views.ts";
import type { MemberActivitiesBody } from "../routes/me.ts";
import { createPostgresDatabase } from "../testing/databases.ts";
import { openLiveTab } from "../testing/live-tab.ts";
import { startTestRedis, type TestRedis } from "../testing/redis.ts";
import { LIVE_PUSH_API_KEY, startTestSystem, type TestSystem } from "../testing/system.ts";

// Two instances on one database, without and with Redis: a Data Push message stored by one makes
// the other forget the member's cached activities and tell the member's tabs it holds — announced in
// the storing statement without Redis, after the shared list is dropped with it (ADR 0021, 0026).

describe.each([
  ["without Redis", false],
  ["with Redis", true],
])("a feed message stored on one instance, %s", (_name, withRedis) => {
  let database: { url: string; drop(): Promise<void> };
  let redis: TestRedis | null = null;
  let one: TestSystem;
  let other: TestSystem;
  let ava: Agent;
  beforeAll(async () => {
    database = await createPostgresDatabase();
    redis = withRedis ? await startTestRedis() : null;
    const env = { DATABASE_URL: database.url, ...(redis ? { REDIS_URL: redis.url } : {}) };
    one = await startTestSystem(env);
    other = await startTestSystem(env);
    ava = await other.signIn("ava");
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await other?.close();
    await redis?.stop();
    await database?.drop();
  });

  const push = async (path: string, body: unknown) => {
    const response = await fetch(`${one.portalUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { outcome: string };
  };
  const activity = async (id: string): Promise<MemberActivityView | undefined> =>
    (await ava.get("/api/me/activities")).json<MemberActivitiesBody>().activities.find((a) => a.id === id);

  it("a completion: the other forgets the cached list and its tabs hear of the list and the history", async () => {
    // Cached on the other instance, fresh for CACHE_FRESH_SECONDS.
    expect(await activity("121")).toMatchObject({ done: false });
    const tab = await openLiveTab(other.portalUrl, ava);
    try {
      const body = userActivityBody("ava", { userActivityId: withRedis ? 42_002 : 42_001, activityId: 121 });
      expect(await push(FEED_PATH.user_activity, body)).toEqual({ outcome: "stored" });
      await expect
        .poll(() => tab.events().map((event) => event.event), { timeout: 5_000 })
        .toEqual(expect.arrayContaining(["activities", "history"]));
      expect(await activity("121")).toMatchObject({ done: true, action: null });
    } finally {
      tab.close();
    }
  });

  it("after a gap in the announcements, the tabs are told to refetch the list and the history", async () => {
    const tab = await openLiveTab(other.portalUrl, ava);
    try {
      // Every instance's listening connection is cut; each comes back and re-reads what it shows.
      await one.bff.db.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen portal_cluster' and datname = current_database()",
      );
      await expect
        .poll(
          () =>
            tab
              .events()
              .filter((event) => event.data === '{"feed":null}')
              .map((event) => event.event),
          {
            timeout: 5_000,
          },
        )
        .toEqual(["activities", "history"]);
    } finally {
      tab.close();
    }
  });

  it("a segment change: the other forgets the cached list and the segment reason shows", async () => {
    expect((await activity("113"))?.why).toEqual([]);
    const body = segmentationBody("ava", {
      subscription_id: 2001,
      event: "exited",
      date_occurred: new Date(Date.now() + (withRedis ? 120_000 : 60_000)).toISOString(),
    });
    expect(await push(FEED_PATH.user_segmentation, body)).toEqual({ outcome: "stored" });
    await expect.poll(async () => (await activity("113"))?.why[0]?.kind, { timeout: 5_000 }).toBe("segment");
  });
});
