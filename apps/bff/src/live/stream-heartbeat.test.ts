import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/cookies.ts";
import { createSessionStore } from "../auth/session-store.ts";
import { createPostgresDatabase } from "../testing/databases.ts";
import { type LiveTab, openLiveTab } from "../testing/live-tab.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// At each heartbeat the hub re-checks the sessions that hold streams and closes the streams of those
// no longer live, so a session that ended where this instance could not see it (on another instance,
// or by expiring while its tabs only listen) loses its streams within a heartbeat. A 100 ms heartbeat,
// a one-hour absolute limit, the sessions' clock in the test's hands, on Postgres.

const MINUTE = 60_000;
let offset = 0;
const now = () => new Date(Date.now() + offset);

let system: TestSystem;
let dropDatabase: () => Promise<void> = async () => {};
const opened: LiveTab[] = [];
beforeAll(async () => {
  const database = await createPostgresDatabase();
  dropDatabase = database.drop;
  system = await startTestSystem(
    { DATABASE_URL: database.url, LOGIN_RATE_LIMIT_PER_MINUTE: "0", SESSION_ABSOLUTE_HOURS: "1" },
    { now, liveHeartbeatMs: 100 },
  );
});
afterEach(() => {
  for (const stream of opened.splice(0)) stream.close();
});
afterAll(async () => {
  await system?.close();
  await dropDatabase();
});

async function open(agent: Agent): Promise<LiveTab> {
  const stream = await openLiveTab(system.portalUrl, agent);
  opened.push(stream);
  expect(stream.status).toBe(200);
  return stream;
}

const pings = (stream: LiveTab) => stream.text().split(": ping").length - 1;

/** Waits until the stream has had two more heartbeats (so at least one full re-check since). */
async function twoHeartbeats(stream: LiveTab) {
  const seen = pings(stream);
  await expect.poll(() => pings(stream), { timeout: 5_000 }).toBeGreaterThanOrEqual(seen + 2);
}

const endedSoon = (stream: LiveTab) => expect.poll(() => stream.ended(), { timeout: 5_000 }).toBe(true);

describe("the heartbeat re-check", () => {
  it("closes the streams of a session left idle too long, though its tabs made no request", async () => {
    const idle = await system.signIn("ava");
    const tab = await open(idle);
    await twoHeartbeats(tab);
    expect(tab.ended()).toBe(false);

    offset += 31 * MINUTE;
    const fresh = await system.signIn("ava");
    const freshTab = await open(fresh);
    await endedSoon(tab);
    // Listening is not activity: the stream did not keep its session alive.
    expect((await idle.get("/api/me")).json()).toMatchObject({ user: null });
    await twoHeartbeats(freshTab);
    expect(freshTab.ended()).toBe(false);
  });

  it("closes the streams of a busy session at its absolute limit", async () => {
    const ben = await system.signIn("ben");
    const tab = await open(ben);
    for (const step of [20, 20, 15]) {
      offset += step * MINUTE;
      expect((await ben.get("/api/me")).status).toBe(200);
      await twoHeartbeats(tab);
      expect(tab.ended(), `${step} minutes later`).toBe(false);
    }
    offset += 6 * MINUTE; // 61 minutes after sign-in, 6 after its last request
    await endedSoon(tab);
  });

  it("closes the streams of a session signed out on another instance", async () => {
    const cleo = await system.signIn("cleo");
    const other = await system.signIn("cleo");
    const tab = await open(cleo);
    const otherTab = await open(other);
    // Another instance shares only the database: its own store, its own cache, no word to this hub.
    const otherInstance = createSessionStore(system.bff.db);
    await otherInstance.revoke(cleo.cookie(`__Host-${SESSION_COOKIE}`) ?? "");
    await endedSoon(tab);
    await twoHeartbeats(otherTab);
    expect(otherTab.ended()).toBe(false);
  });
});
