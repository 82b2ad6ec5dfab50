import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redemptionBody, userActivityBody } from "../live-push/feeds/feed-fixtures.ts";
import { storeRedemptions } from "../live-push/feeds/redemption-store.ts";
import { storeUserActivities } from "../live-push/feeds/user-activity-store.ts";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { createHistoryRetention, startHistoryPrune } from "./history-retention.ts";
import { createMemberActivityState } from "./member-activity-state.ts";

// HISTORY_RETENTION_DAYS: the prune deletes what is older, in small batches, and nothing newer; the
// orders go with their completions; a once-only activity stays done after its completion is pruned.

const DAY_MS = 86_400_000;
const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

let store: TestDatabase;
beforeAll(async () => {
  store = await openTestDatabase();
  const ages = [900, 800, 750, 731, 729, 400, 10];
  await storeUserActivities(
    store.db,
    ages.map((days, i) => ({
      userActivityId: `ret-${i}`,
      memberKey: "ava",
      activityId: i === 0 ? "120" : "104",
      points: 100,
      occurredAt: daysAgo(days),
      activityName: userActivityBody("ava").activityName,
      translatedTitle: null,
      referenceId: null,
      receivedAt: daysAgo(days),
    })),
  );
  await storeRedemptions(store.db, [
    {
      orderId: "old-order",
      memberKey: "ava",
      orderDate: daysAgo(800),
      rewardId: String(redemptionBody("ava").rewardId),
      rewardGroupId: null,
      title: "$20 Gift Card",
      receivedAt: daysAgo(800),
    },
    {
      orderId: "new-order",
      memberKey: "ava",
      orderDate: daysAgo(5),
      rewardId: null,
      rewardGroupId: null,
      title: "Team scarf",
      receivedAt: daysAgo(5),
    },
  ]);
});
afterAll(() => store?.close());

const left = async () =>
  (
    await store.db.query<{ user_activity_id: string }>(
      "select user_activity_id from member_activity_history order by occurred_at",
    )
  ).map((row) => row.user_activity_id);

describe("pruning the points history", () => {
  it("deletes only what is older than the retention, batch after batch, and the orders with it", async () => {
    const retention = createHistoryRetention({ db: store.db, retentionDays: 730, batchSize: 2 });
    expect(await retention.prune(now)).toEqual({ history: 4, orders: 1 });
    expect(await left()).toEqual(["ret-4", "ret-5", "ret-6"]);
    expect(
      (await store.db.query<{ order_id: string }>("select order_id from member_redemptions")).map(
        (r) => r.order_id,
      ),
    ).toEqual(["new-order"]);
    // Again: nothing more to do.
    expect(await retention.prune(now)).toEqual({ history: 0, orders: 0 });
  });

  it("stops after its batches for this run, and the next run goes on", async () => {
    const retention = createHistoryRetention({
      db: store.db,
      retentionDays: 400,
      batchSize: 1,
      maxBatches: 1,
    });
    expect(await retention.prune(now)).toEqual({ history: 1, orders: 0 });
    expect(await left()).toEqual(["ret-5", "ret-6"]);
  });

  it("keeps a once-only activity done after its completion left the history", async () => {
    const state = createMemberActivityState({ db: store.db, timeZone: "UTC" });
    const described = {
      publicTitle: "Complete your profile",
      publicDescription: "",
      frequency: { cap: 1, periodId: "5", periodName: null, requiredAttempts: null },
      pointsOnClick: false,
      redirectUrl: null,
      channelId: null,
      segment: null,
      alidaActivityId: null,
    };
    const read = await state.read("ava", new Map([["120", described]]), now);
    expect(read.completionsInPeriod.get("120")).toBe(1);
  });
});

describe("a completion redelivered after its history row was pruned", () => {
  it("is not counted twice: what arrived within the retention is kept, however old its date", async () => {
    const own = await openTestDatabase();
    try {
      // A late or batch delivery of a completion done long ago: dated before the retention's cut-off,
      // received now. CrowdTwist redelivers until it sees a 2xx (up to eight hours).
      const late = {
        userActivityId: "late-1",
        memberKey: "cleo",
        activityId: "120",
        points: 100,
        occurredAt: daysAgo(900),
        activityName: null,
        translatedTitle: null,
        referenceId: null,
        receivedAt: now,
      };
      expect(await storeUserActivities(own.db, [late])).toEqual([{ kind: "stored" }]);
      const retention = createHistoryRetention({ db: own.db, retentionDays: 730 });
      await retention.prune(new Date(now.getTime() + 3_600_000));
      const again = { ...late, receivedAt: new Date(now.getTime() + 2 * 3_600_000) };
      expect(await storeUserActivities(own.db, [again])).toEqual([{ kind: "duplicate" }]);
      const [counted] = await own.db.query<{ completions: string }>(
        "select completions from member_activity_completions where member_key = 'cleo' and activity_id = '120'",
      );
      expect(counted?.completions).toBe("1");
      // Once it was received before the cut-off too, it goes.
      expect(await retention.prune(new Date(now.getTime() + 731 * DAY_MS))).toEqual({
        history: 1,
        orders: 0,
      });
    } finally {
      await own.close();
    }
  });
});

describe("the hourly prune of a running instance", () => {
  it("runs soon after start too, so instances that live less than an hour still prune", async () => {
    const own = await openTestDatabase();
    const outcomes: unknown[] = [];
    let stop = () => {};
    try {
      const old = new Date(Date.now() - 800 * DAY_MS);
      await storeUserActivities(own.db, [
        {
          userActivityId: "start-1",
          memberKey: "ava",
          activityId: "104",
          points: 10,
          occurredAt: old,
          activityName: null,
          translatedTitle: null,
          referenceId: null,
          receivedAt: old,
        },
      ]);
      stop = startHistoryPrune({
        db: own.db,
        retentionDays: 730,
        firstRunMs: 10,
        log: (outcome) => outcomes.push(outcome),
      });
      await expect.poll(() => outcomes, { timeout: 5_000 }).toEqual([{ history: 1, orders: 0 }]);
      expect(await own.db.query("select 1 from member_activity_history")).toEqual([]);
    } finally {
      stop();
      await own.close();
    }
  });
});
