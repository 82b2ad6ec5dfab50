import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { type ClusterBus, type ClusterMessage, createClusterBus } from "./cluster-bus.ts";

// Two instances' buses on one real Postgres: what one announces, the other hears (never itself),
// a burst goes out in a few NOTIFYs, junk on the channel is ignored, and a dropped listening
// connection comes back and says so (the instance then re-reads what it shows).

let store: TestDatabase;
let statements = 0;
const buses: ClusterBus[] = [];
beforeAll(async () => {
  store = await openTestDatabase();
});
afterAll(async () => {
  for (const bus of buses) await bus.close();
  await store?.close();
});

async function bus(instanceId: string) {
  const heard: ClusterMessage[] = [];
  let resyncs = 0;
  const created = await createClusterBus({
    databaseUrl: store.url,
    // The pool, counting the statements the bus sends.
    db: {
      query: (sql, params) => {
        statements += 1;
        return store.db.query(sql, params);
      },
    },
    instanceId,
    onError: () => {},
    reconnectMs: 50,
  });
  created.subscribe((message) => heard.push(message));
  created.onResync(() => {
    resyncs += 1;
  });
  buses.push(created);
  return { bus: created, heard, resyncs: () => resyncs };
}

const until = async (what: string, check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((done) => setTimeout(done, 20));
  }
};

describe("the cluster bus", () => {
  it("carries every message of a burst to the other instance, not back to the sender, in a few notifications", async () => {
    const a = await bus("a");
    const b = await bus("b");
    const before = statements;
    const sent = Array.from({ length: 500 }, (_, i) => ({
      type: "profile_stored" as const,
      sharedDropped: true,
      memberKey: `member-${i}`,
    }));
    await Promise.all([
      ...sent.map((m) => a.bus.publish(m)),
      a.bus.publish({ type: "session_ended", idHash: "h1" }),
    ]);
    await until("b hears all 501", () => b.heard.length === 501);
    expect(b.heard.slice(0, 500)).toEqual(sent);
    expect(b.heard[500]).toEqual({ type: "session_ended", idHash: "h1" });
    expect(a.heard).toEqual([]);
    // 501 messages, each payload under Postgres's 8000-byte limit: a handful of statements, not 501.
    expect(statements - before).toBeGreaterThan(0);
    expect(statements - before).toBeLessThan(20);
  });

  it("works when every instance was given the same PORTAL_INSTANCE_ID", async () => {
    const a = await bus("same");
    const b = await bus("same");
    await a.bus.publish({ type: "session_ended", idHash: "twins" });
    await until("b hears its twin", () =>
      b.heard.some((m) => m.type === "session_ended" && m.idHash === "twins"),
    );
    expect(a.heard.some((m) => m.type === "session_ended" && m.idHash === "twins")).toBe(false);
  });

  it("carries an announcement made inside another transaction at its commit, and none when it rolls back", async () => {
    const a = await bus("a4");
    const b = await bus("b4");
    const announcer = a.bus.inStatement();
    const payload = (memberKey: string) =>
      `${announcer.head}${announcer.encode({ type: "profile_stored", memberKey, sharedDropped: false })}${announcer.tail}`;
    await store.db
      .transaction(async (tx) => {
        await tx.query("select pg_notify($1, $2)", [announcer.channel, payload("rolled-back")]);
        throw new Error("rolled back");
      })
      .catch(() => {});
    await store.db.transaction(async (tx) => {
      await tx.query("select pg_notify($1, $2)", [announcer.channel, payload("committed")]);
    });
    await until("b hears the committed one", () => b.heard.length >= 1);
    expect(b.heard).toEqual([{ type: "profile_stored", memberKey: "committed", sharedDropped: false }]);
    // The sender is told apart by the head, as for what it publishes itself.
    expect(a.heard).toEqual([]);
  });

  it("ignores what is not a message of ours on the channel", async () => {
    const b = await bus("b2");
    for (const junk of [
      "not json",
      "{}",
      '{"from":"x","m":[{"type":"drop_tables"},7,null]}',
      '{"from":"x","m":"no"}',
    ]) {
      await store.db.query("select pg_notify('portal_cluster', $1)", [junk]);
    }
    await store.db.query("select pg_notify('portal_cluster', $1)", [
      '{"from":"x","m":[{"type":"profile_stored","memberKey":"ok"}]}',
    ]);
    await until("b hears the one real message", () => b.heard.length >= 1);
    expect(b.heard).toEqual([{ type: "profile_stored", memberKey: "ok", sharedDropped: true }]);
  });

  it("comes back after its connection is cut, says so, and hears again", async () => {
    const a = await bus("a3");
    const b = await bus("b3");
    await store.db.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen portal_cluster' and pid <> pg_backend_pid()",
    );
    await until("b resyncs", () => b.resyncs() > 0);
    await a.bus.publish({ type: "profile_stored", memberKey: "after", sharedDropped: true });
    await until("b hears after the cut", () =>
      b.heard.some((m) => m.type === "profile_stored" && m.memberKey === "after"),
    );
  });
});
