import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClusterBus, type ClusterMessage, createClusterBus } from "../cluster/cluster-bus.ts";
import { profileStoredAnnouncement } from "../cluster/stored-announcements.ts";
import type { Database } from "../db/database.ts";
import { createMetrics } from "../observability/metrics.ts";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { createLivePushIngest, type ProfileStoredEvent } from "./ingest.ts";
import { createLivePushMetrics } from "./metrics.ts";
import { livePushBody } from "./profile-fixture.ts";

// Pushes that arrive together are stored together (group-commit.ts, one statement per batch), on a
// real Postgres: each push is still answered for itself and exactly as if the pushes had been applied
// one at a time in the order they came — same member twice in a burst, redeliveries, older pushes,
// one row the database refuses, one row that breaks, a connection lost mid-statement, the database
// gone — and what was acknowledged is what is stored.

const T0 = 1_700_000_000;
const STORE_STATEMENT = /jsonb_to_recordset/;

// Test-only faults, by member key: `refused…` is refused as bad data (SQLSTATE class 22), `broken…`
// fails as the database's fault, and a key in test_hold makes its write sleep (to be cut off).
const FAULTS = `
create table test_hold (member_key text primary key);
create function test_faults() returns trigger language plpgsql as $$
begin
  if new.member_key like 'refused%' then raise exception 'refused by the test' using errcode = '22023'; end if;
  if new.member_key like 'broken%' then raise exception 'broken by the test' using errcode = 'XX000'; end if;
  if exists (select 1 from test_hold where member_key = new.member_key) then perform pg_sleep(30); end if;
  return new;
end $$;
create trigger test_faults before insert or update on member_profiles
  for each row execute function test_faults();`;

describe("Live Push ingest, pushes stored together", () => {
  let store: TestDatabase;
  let storeStatements = 0;
  let counted: Database;
  beforeAll(async () => {
    store = await openTestDatabase();
    await store.db.exec(FAULTS);
    counted = {
      ...store.db,
      query: (sql, params, options) => {
        if (STORE_STATEMENT.test(sql)) storeStatements += 1;
        return store.db.query(sql, params, options);
      },
    };
  });
  afterAll(() => store?.close());

  function setup(announceOn?: ClusterBus) {
    const metrics = createLivePushMetrics(createMetrics({ defaultMetrics: false }));
    const events: ProfileStoredEvent[] = [];
    const ingest = createLivePushIngest({
      db: counted,
      idType: "third_party_id",
      metrics,
      logger: pino({ level: "silent" }),
      onProfileStored: (event) => events.push(event),
      announcement: announceOn && profileStoredAnnouncement(announceOn),
    });
    /** Sends every push in the same turn, so that they are written together; settles each. */
    const burst = (bodies: unknown[]) =>
      Promise.all(
        bodies.map((body) =>
          ingest(body, "r").then(
            (result) => ({ kind: result.kind, version: result.version }) as const,
            (error: { status?: number; code?: string }) => ({ status: error.status, code: error.code }),
          ),
        ),
      );
    return { ingest, metrics, events, burst };
  }

  const push = (
    member: string,
    second: number,
    points: number,
    tier?: { tier: string; event: string; at: string },
  ) =>
    livePushBody(member, {
      dateLastUpdated: T0 + second,
      totalPoints: points,
      ...(tier ? { tier: tier.tier, event: tier.event, dateAssigned: tier.at } : {}),
    });

  it("stores a burst of different members with one statement, each answered with its own outcome", async () => {
    const { events, burst } = setup();
    const before = storeStatements;
    const results = await burst(Array.from({ length: 20 }, (_, i) => push(`burst-${i}`, 1, i)));
    expect(storeStatements - before).toBe(1);
    expect(results).toEqual(Array.from({ length: 20 }, () => ({ kind: "stored", version: 1 })));
    expect(events.map((e) => e.memberKey).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `burst-${i}`).sort(),
    );
    expect((await readMemberProfile(store.db, "burst-7"))?.profile.totalPoints).toBe(7);
  });

  it("applies one member's pushes in a burst in the order they came: newer wins, duplicates and older ones told apart, history kept", async () => {
    const { events, burst } = setup();
    const silver = { tier: "Silver", event: "JUMP", at: "2026-01-01T00:00:00Z" };
    const gold = { tier: "Gold", event: "JUMP", at: "2026-02-01T00:00:00Z" };
    const results = await burst([
      push("same", 5, 5, silver),
      push("other", 1, 1),
      push("same", 3, 3, silver), // older than the stored one
      push("same", 5, 5, silver), // a redelivery of the first
      push("same", 7, 7, gold),
      push("same", 7, 8, gold), // same second, different content: replaces (ADR 0006)
    ]);
    expect(results).toEqual([
      { kind: "stored", version: 1 },
      { kind: "stored", version: 1 },
      { kind: "stale", version: 1 },
      { kind: "duplicate", version: 1 },
      { kind: "stored", version: 2 },
      { kind: "stored", version: 3 },
    ]);
    const stored = await readMemberProfile(store.db, "same");
    expect(stored?.profile.totalPoints).toBe(8);
    expect(stored?.version).toBe(3);
    expect(stored?.history.map((h) => [h.tier, h.event])).toEqual([
      ["Gold", "JUMP"],
      ["Silver", "JUMP"],
    ]);
    expect(events.filter((e) => e.memberKey === "same").map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it("tells a redelivery within a burst, and of a push stored by an earlier one, from a new push", async () => {
    const { burst } = setup();
    await burst([push("again", 1, 10)]);
    const results = await burst([push("again", 1, 10), push("twice", 1, 1), push("twice", 1, 1)]);
    expect(results).toEqual([
      { kind: "duplicate", version: 1 },
      { kind: "stored", version: 1 },
      { kind: "duplicate", version: 1 },
    ]);
  });

  it("refuses only the push the database refuses (422); the others of its batch are stored", async () => {
    const { metrics, burst } = setup();
    const results = await burst([push("good-1", 1, 1), push("refused-1", 1, 1), push("good-2", 1, 2)]);
    expect(results).toEqual([
      { kind: "stored", version: 1 },
      { status: 422, code: "invalid_profile" },
      { kind: "stored", version: 1 },
    ]);
    expect(await readMemberProfile(store.db, "refused-1")).toBeNull();
    expect((await readMemberProfile(store.db, "good-2"))?.profile.totalPoints).toBe(2);
    const { values } = await metrics.validationFailures.get();
    expect(values.find((v) => v.labels.reason === "unstorable")?.value).toBe(1);
    expect((await metrics.accepted.get()).values[0]?.value).toBe(2);
  });

  it("answers 503 for the push whose write breaks, and stores the others of its batch", async () => {
    const { burst } = setup();
    const results = await burst([push("fine-1", 1, 1), push("broken-1", 1, 1), push("fine-2", 1, 2)]);
    expect(results).toEqual([
      { kind: "stored", version: 1 },
      { status: 503, code: "storage_unavailable" },
      { kind: "stored", version: 1 },
    ]);
    expect(await readMemberProfile(store.db, "broken-1")).toBeNull();
  });

  it("writes a batch again, push by push, when its connection is lost mid-statement; each is stored once", async () => {
    const { events, burst } = setup();
    await store.db.query("insert into test_hold values ('cut-1')");
    const results = burst([push("cut-1", 1, 1), push("cut-2", 1, 2), push("cut-3", 1, 3)]);
    const sleeper = async () =>
      (
        await store.db.query<{ pid: number }>(
          "select pid from pg_stat_activity where wait_event = 'PgSleep' and query like '%jsonb_to_recordset%'",
        )
      )[0]?.pid;
    await expect.poll(sleeper, { timeout: 10_000 }).toBeDefined();
    await store.db.query("delete from test_hold");
    await store.db.query("select pg_terminate_backend($1)", [await sleeper()]);
    expect(await results).toEqual([
      { kind: "stored", version: 1 },
      { kind: "stored", version: 1 },
      { kind: "stored", version: 1 },
    ]);
    for (const member of ["cut-1", "cut-2", "cut-3"])
      expect((await readMemberProfile(store.db, member))?.version).toBe(1);
    expect(events.map((e) => e.memberKey).sort()).toEqual(["cut-1", "cut-2", "cut-3"]);
  });

  it("acknowledges nothing while the database is unavailable, and stores every resent push once it is back", async () => {
    const { burst } = setup();
    const bodies = [push("outage-1", 1, 1), push("outage-2", 1, 2), push("outage-1", 2, 3)];
    await store.db.exec("alter table member_profiles rename to member_profiles_away");
    let results: Awaited<ReturnType<typeof burst>>;
    try {
      results = await burst(bodies);
    } finally {
      await store.db.exec("alter table member_profiles_away rename to member_profiles");
    }
    expect(results).toEqual(bodies.map(() => ({ status: 503, code: "storage_unavailable" })));
    expect(await burst(bodies)).toEqual([
      { kind: "stored", version: 1 },
      { kind: "stored", version: 1 },
      { kind: "stored", version: 2 },
    ]);
  });

  it("announces each member it wrote to the other instances, in the statement that wrote it", async () => {
    const buses: ClusterBus[] = [];
    const open = (instanceId: string) =>
      createClusterBus({ databaseUrl: store.url, db: store.db, instanceId, onError: () => {} }).then(
        (bus) => {
          buses.push(bus);
          return bus;
        },
      );
    try {
      const sender = await open("sender");
      const other = await open("other");
      const heard: ClusterMessage[] = [];
      other.subscribe((message) => heard.push(message));
      const { burst } = setup(sender);
      // Long keys: 300 announcements cannot fit one NOTIFY, so they go in several, each under the limit.
      const key = (i: number) => `announced-${"k".repeat(180)}-${i}`;
      await burst([push(key(0), 1, 0)]);
      const before = storeStatements;
      const results = await burst([
        push(key(0), 1, 0), // a redelivery: nothing written, nothing announced
        push("refused-announced", 1, 1), // refused: not announced
        ...Array.from({ length: 300 }, (_, i) => push(key(i + 1), 1, i)),
      ]);
      expect(results.filter((r) => "kind" in r && r.kind === "stored")).toHaveLength(300);
      // Batches of at most 200: the first (holding the refused one) fails and is written push by push,
      // the second goes as one.
      expect(storeStatements - before).toBe(1 + 200 + 1);
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(301);
      const announced = heard.map((m) => (m.type === "profile_stored" ? m.memberKey : m.type));
      expect(announced.sort()).toEqual(Array.from({ length: 301 }, (_, i) => key(i)).sort());
      expect(heard.every((m) => m.type === "profile_stored" && m.sharedDropped)).toBe(true);
    } finally {
      for (const bus of buses) await bus.close();
    }
  });

  it("answers every push of a random interleaving as one-at-a-time would, and stores what it acknowledged", async () => {
    const { ingest, events, metrics } = setup();
    // A small deterministic generator, so a failure can be replayed.
    let seed = 12_345;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const members = ["mix-0", "mix-1", "mix-2", "mix-3", "mix-4", "broken-mix"];
    const sent: { member: string; second: number; points: number }[] = [];
    const answers: Promise<{ kind: string; version: number } | { failed: true }>[] = [];
    for (let wave = 0; wave < 40; wave += 1) {
      // Pushes in one turn go together; the next wave arrives while this one may still be written.
      for (let i = random(12); i >= 0; i -= 1) {
        const member = members[random(members.length)] ?? "mix-0";
        // Few distinct seconds and points: many same-second pushes, redeliveries and older ones.
        const pushed = { member, second: random(8), points: random(3) };
        sent.push(pushed);
        answers.push(
          ingest(push(pushed.member, pushed.second, pushed.points), "r").then(
            (result) => ({ kind: result.kind, version: result.version }),
            () => ({ failed: true }) as const,
          ),
        );
      }
      if (random(2) === 0) await new Promise((turn) => setImmediate(turn));
    }
    const results = await Promise.all(answers);

    // The same pushes applied one at a time, in the order they were sent.
    const model = new Map<string, { second: number; points: number; version: number }>();
    const expected = sent.map(({ member, second, points }) => {
      if (member.startsWith("broken")) return { failed: true };
      const current = model.get(member);
      const newer =
        !current || second > current.second || (second === current.second && points !== current.points);
      if (newer) {
        const version = (current?.version ?? 0) + 1;
        model.set(member, { second, points, version });
        return { kind: "stored", version };
      }
      const same = current.second === second && current.points === points;
      return { kind: same ? "duplicate" : "stale", version: current.version };
    });
    expect(results).toEqual(expected);

    for (const [member, last] of model) {
      const stored = await readMemberProfile(store.db, member);
      expect(stored?.version).toBe(last.version);
      expect(stored?.profile.totalPoints).toBe(last.points);
      expect(stored?.profile.dateLastUpdated).toEqual(new Date((T0 + last.second) * 1000));
      // Every stored change was announced once, in order.
      const versions = events.filter((e) => e.memberKey === member).map((e) => e.version);
      expect(versions).toEqual(Array.from({ length: last.version }, (_, i) => i + 1));
    }
    const count = async (name: "accepted" | "duplicates" | "outOfOrder") =>
      (await metrics[name].get()).values[0]?.value ?? 0;
    const kinds = (kind: string) => expected.filter((e) => "kind" in e && e.kind === kind).length;
    expect([await count("accepted"), await count("duplicates"), await count("outOfOrder")]).toEqual([
      kinds("stored"),
      kinds("duplicate"),
      kinds("stale"),
    ]);
  });
});
