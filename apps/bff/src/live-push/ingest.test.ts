import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../observability/metrics.ts";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import type { ProfileStoredEvent } from "./ingest.ts";
import { createLivePushIngest } from "./ingest.ts";
import { createLivePushMetrics } from "./metrics.ts";
import { livePushBody } from "./profile-fixture.ts";

const T0 = 1_700_000_000;

describe("Live Push ingest", () => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await openTestDatabase();
  });
  afterAll(() => store?.close());

  function setup(idType: "third_party_id" | "username" | "id" | "mobile_phone_number" = "third_party_id") {
    const metrics = createLivePushMetrics(createMetrics({ defaultMetrics: false }));
    const events: ProfileStoredEvent[] = [];
    const ingest = createLivePushIngest({
      db: store.db,
      idType,
      metrics,
      logger: pino({ level: "silent" }),
      onProfileStored: (event) => events.push(event),
    });
    const count = async (name: "accepted" | "duplicates" | "outOfOrder") =>
      (await metrics[name].get()).values[0]?.value ?? 0;
    return { ingest, metrics, events, count };
  }

  it("normalises every quirk of the document's sample and keeps only what the portal shows", async () => {
    const { ingest, events } = setup();
    const result = await ingest(livePushBody("quirks"), "req-1");
    expect(result).toMatchObject({ kind: "stored", version: 1, memberKey: "quirks" });
    const [row] = await store.db.query<{ profile: Record<string, unknown> }>(
      "select profile from member_profiles where member_key = 'quirks'",
    );
    const text = JSON.stringify(row?.profile);
    for (const secret of [
      "password",
      "salt",
      "hashAlgorithmId",
      "ipAddress",
      "203.0.113.24",
      "pepper-salt",
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const dropped of ["emailAddress", "mobilePhoneNumber", "city", "customData", "thirdPartyId"]) {
      expect(row?.profile).not.toHaveProperty(dropped);
    }
    const stored = await readMemberProfile(store.db, "quirks");
    expect(stored?.profile).toMatchObject({
      redeemablePoints: 5200,
      isActive: true,
      dateLastUpdated: new Date(1490302144 * 1000),
      tierInfo: {
        timeframeScore: 1200,
        assignedByEvent: "DROP",
        currentLevel: { minValue: null, maxValue: 999, title: "Tier 1" },
        scoreNeededToMaintain: null,
        dateAssigned: new Date("2017-03-23T19:00:00Z"),
      },
    });
    expect(stored?.receivedAt).toBeInstanceOf(Date);
    expect(events).toEqual([expect.objectContaining({ memberKey: "quirks", version: 1 })]);
  });

  it("maps the member by the configured id type", async () => {
    const body = { ...livePushBody("by-id"), id: 777, mobilePhoneNumber: 15550001 };
    expect((await setup("id").ingest(body, "r")).memberKey).toBe("777");
    expect((await setup("mobile_phone_number").ingest(body, "r")).memberKey).toBe("15550001");
    expect((await setup("username").ingest({ ...body, thirdPartyId: null }, "r")).memberKey).toBe("by-id");
    await expect(setup().ingest({ ...body, thirdPartyId: null }, "r")).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/thirdPartyId.*CROWDTWIST_ID_TYPE=third_party_id/),
    });
  });

  it("answers a schema failure with the failing paths and never the values", async () => {
    const body = { ...livePushBody("bad"), totalPoints: "lots", tierInfo: { currentLevel: 7 } };
    const refused = setup().ingest(body, "r");
    await expect(refused).rejects.toMatchObject({ status: 422, code: "invalid_profile" });
    await expect(refused).rejects.toThrow(/totalPoints/);
    await expect(refused).rejects.not.toThrow(/lots/);
  });

  it("acknowledges a redelivery and an older profile without writing, and counts them", async () => {
    const { ingest, events, count } = setup();
    const newer = livePushBody("order", { dateLastUpdated: T0 + 10, totalPoints: 200 });
    const older = livePushBody("order", { dateLastUpdated: T0, totalPoints: 100 });
    expect((await ingest(newer, "r")).kind).toBe("stored");
    expect(await ingest(newer, "r")).toMatchObject({ kind: "duplicate", version: 1 });
    expect(await ingest(older, "r")).toMatchObject({ kind: "stale", version: 1 });
    expect((await readMemberProfile(store.db, "order"))?.profile.totalPoints).toBe(200);
    expect([await count("accepted"), await count("duplicates"), await count("outOfOrder")]).toEqual([
      1, 1, 1,
    ]);
    expect(events).toHaveLength(1);
  });

  it("lets a different profile with the same dateLastUpdated replace the stored one (ADR 0006)", async () => {
    const { ingest } = setup();
    await ingest(livePushBody("same-second", { dateLastUpdated: T0, totalPoints: 100 }), "r");
    expect(
      await ingest(livePushBody("same-second", { dateLastUpdated: T0, totalPoints: 150 }), "r"),
    ).toMatchObject({ kind: "stored", version: 2 });
    expect((await readMemberProfile(store.db, "same-second"))?.profile.totalPoints).toBe(150);
  });

  it("keeps the newest of 50 concurrent deliveries for one member", async () => {
    const { ingest, events } = setup();
    const stamps = Array.from({ length: 50 }, (_, i) => T0 + i).sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      stamps.map((stamp) =>
        ingest(livePushBody("race", { dateLastUpdated: stamp, totalPoints: stamp - T0 }), "r"),
      ),
    );
    const stored = await readMemberProfile(store.db, "race");
    expect(stored?.profile.totalPoints).toBe(49);
    expect(stored?.profile.dateLastUpdated).toEqual(new Date((T0 + 49) * 1000));
    // Every write bumped the version by one, and fan-out versions only ever increase.
    const writes = results.filter((r) => r.kind === "stored").length;
    expect(stored?.version).toBe(writes);
    const versions = events.map((e) => e.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: writes }, (_, i) => i + 1));
  });

  // docs/decisions/0018: the history is assignments only, one per (tier, dateAssigned).
  it("records assignments only: an UPDATE never adds an entry, newest assignment first, capped at 50", async () => {
    const { ingest } = setup();
    const push = (stamp: number, tier: string, event: string, assigned: string) =>
      ingest(livePushBody("tiers", { dateLastUpdated: stamp, tier, event, dateAssigned: assigned }), "r");
    await push(T0, "Bronze", "start", "2026-01-01T00:00:00Z");
    await push(T0 + 1, "Bronze", "UPDATE", "2026-01-01T00:00:00Z"); // points only: nothing new
    await push(T0 + 2, "Bronze", "update", "2026-01-01T00:00:00Z");
    await push(T0 + 3, "Silver", "JUMP", "2026-02-01T00:00:00Z");
    await push(T0 + 4, "Silver", "UPDATE", "2026-02-01T00:00:00Z");
    await push(T0 + 2, "Gold", "JUMP", "2026-01-15T00:00:00Z"); // out of order: never recorded
    const history = (await readMemberProfile(store.db, "tiers"))?.history;
    expect(history?.map((h) => [h.tier, h.event])).toEqual([
      ["Silver", "JUMP"],
      ["Bronze", "START"],
    ]);
    expect(history?.[0]?.dateAssigned).toEqual(new Date("2026-02-01T00:00:00Z"));
    for (let i = 0; i < 60; i += 1)
      await push(T0 + 10 + i, "Silver", "MAINTAIN", new Date(Date.UTC(2026, 2, 1 + i)).toISOString());
    expect((await readMemberProfile(store.db, "tiers"))?.history).toHaveLength(50);
  });

  it("records a drop, a maintain and a reset, each on its own date", async () => {
    const { ingest } = setup();
    const push = (stamp: number, tier: string, event: string, assigned: string) =>
      ingest(livePushBody("periods", { dateLastUpdated: stamp, tier, event, dateAssigned: assigned }), "r");
    await push(T0, "Silver", "JUMP", "2026-01-01T00:00:00Z");
    await push(T0 + 1, "Silver", "maintain", "2027-01-01T00:00:00Z");
    await push(T0 + 2, "Bronze", "DROP", "2028-01-01T00:00:00Z");
    await push(T0 + 3, "Bronze", "Reset", "2029-01-01T00:00:00Z");
    await push(T0 + 4, "Bronze", "UPDATE", "2029-01-01T00:00:00Z");
    const history = (await readMemberProfile(store.db, "periods"))?.history;
    expect(history?.map((h) => [h.tier, h.event, h.dateAssigned?.getUTCFullYear()])).toEqual([
      ["Bronze", "RESET", 2029],
      ["Bronze", "DROP", 2028],
      ["Silver", "MAINTAIN", 2027],
      ["Silver", "JUMP", 2026],
    ]);
  });

  it("an assignment first seen on an UPDATE is recorded without an event, and named when its push comes", async () => {
    const { ingest } = setup();
    const push = (stamp: number, tier: string, event: string, assigned: string) =>
      ingest(livePushBody("unnamed", { dateLastUpdated: stamp, tier, event, dateAssigned: assigned }), "r");
    await push(T0, "Silver", "JUMP", "2026-01-01T00:00:00Z");
    // The DROP's own push was lost; the next update shows the new assignment.
    await push(T0 + 2, "Bronze", "UPDATE", "2026-03-01T00:00:00Z");
    await push(T0 + 3, "Bronze", "UPDATE", "2026-03-01T00:00:00Z");
    const read = async () =>
      (await readMemberProfile(store.db, "unnamed"))?.history.map((h) => [h.tier, h.event]);
    expect(await read()).toEqual([
      ["Bronze", null],
      ["Silver", "JUMP"],
    ]);
    // A same-second redelivery of the assignment's own push names it (and adds no row).
    await push(T0 + 3, "Bronze", "DROP", "2026-03-01T00:00:00Z");
    expect(await read()).toEqual([
      ["Bronze", "DROP"],
      ["Silver", "JUMP"],
    ]);
  });

  it("a newer profile dated before recorded assignments undoes them: the history never contradicts the tier", async () => {
    const { ingest } = setup();
    const push = (stamp: number, tier: string, event: string, assigned: string) =>
      ingest(livePushBody("rewind", { dateLastUpdated: stamp, tier, event, dateAssigned: assigned }), "r");
    await push(T0, "Bronze", "START", "2026-01-01T00:00:00Z");
    await push(T0 + 1, "Silver", "JUMP", "2026-02-01T00:00:00Z");
    await push(T0 + 2, "Gold", "JUMP", "2026-03-01T00:00:00Z");
    // A program reset puts the member back to their first assignment (as the sandbox's reset does).
    await push(T0 + 3, "Bronze", "START", "2026-01-01T00:00:00Z");
    const history = (await readMemberProfile(store.db, "rewind"))?.history;
    expect(history?.map((h) => [h.tier, h.event])).toEqual([["Bronze", "START"]]);
    // Later assignments are recorded again as they come.
    await push(T0 + 4, "Silver", "JUMP", "2026-04-01T00:00:00Z");
    expect((await readMemberProfile(store.db, "rewind"))?.history.map((h) => h.tier)).toEqual([
      "Silver",
      "Bronze",
    ]);
    // An older push arriving late changes nothing, and undoes nothing.
    await push(T0 + 1, "Bronze", "UPDATE", "2026-01-01T00:00:00Z");
    expect((await readMemberProfile(store.db, "rewind"))?.history).toHaveLength(2);
  });

  it("refuses with a retryable 503 when the profile cannot be stored", async () => {
    const { ingest } = setup();
    await store.db.exec("alter table member_profiles rename to member_profiles_away");
    try {
      await expect(ingest(livePushBody("no-storage"), "r")).rejects.toMatchObject({
        status: 503,
        code: "storage_unavailable",
      });
    } finally {
      await store.db.exec("alter table member_profiles_away rename to member_profiles");
    }
  });

  it("reads nothing for a member without a push", async () => {
    expect(await readMemberProfile(store.db, "nobody")).toBeNull();
  });
});
