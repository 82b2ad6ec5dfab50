import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/cookies.ts";
import { createPostgresDatabase } from "../testing/databases.ts";
import { type LiveTab, openLiveTab } from "../testing/live-tab.ts";
import { startTestSystem, type TestSystem } from "../testing/system.ts";

// A live stream ends the moment its session ends on this instance, whichever way it ends:
// re-sign-in, expiry noticed at the session's next request, the periodic sweep. (Sign-out is in
// events.test.ts.) The heartbeat's re-check is pushed out of reach (ten minutes) so that only the
// path under test can have ended a stream; it has its own file. On Postgres, with the sessions' clock
// in the test's hands.

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
    { DATABASE_URL: database.url, LOGIN_RATE_LIMIT_PER_MINUTE: "0" },
    { now, liveHeartbeatMs: 10 * MINUTE },
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

const endedSoon = (stream: LiveTab) => expect.poll(() => stream.ended(), { timeout: 5_000 }).toBe(true);

describe("a live stream ends with its session", () => {
  it("when the browser signs in again (the old session is revoked); the member's other browser keeps its own", async () => {
    const browser = await system.signIn("ava");
    const otherBrowser = await system.signIn("ava");
    const before = browser.cookie(`__Host-${SESSION_COOKIE}`);
    const tabs = [await open(browser), await open(browser)];
    const otherTab = await open(otherBrowser);

    await system.signIn("ava", { agent: browser });
    expect(browser.cookie(`__Host-${SESSION_COOKIE}`)).not.toBe(before);
    for (const tab of tabs) await endedSoon(tab);
    expect(otherTab.ended()).toBe(false);
    // The new session opens its own streams, with the old one's slots freed.
    const fresh = await Promise.all(Array.from({ length: 6 }, () => open(browser)));
    expect(fresh.every((tab) => !tab.ended())).toBe(true);
  });

  it("when its next request finds it idle too long", async () => {
    const idle = await system.signIn("ben");
    const active = await system.signIn("ben");
    const idleTab = await open(idle);
    const activeTab = await open(active);
    offset += 20 * MINUTE;
    expect((await active.get("/api/me")).status).toBe(200);
    offset += 15 * MINUTE; // idle: 35 minutes without a request; active: 15

    expect((await idle.get("/api/me")).json()).toMatchObject({ user: null });
    await endedSoon(idleTab);
    expect((await active.get("/api/me")).status).toBe(200);
    expect(activeTab.ended()).toBe(false);
  });

  it("when the sweep removes it at its absolute limit, without any request of its own", async () => {
    const cleo = await system.signIn("cleo");
    const tab = await open(cleo);
    // Kept busy, so only the absolute limit (12 hours) can end it.
    for (let step = 0; step < 28; step += 1) {
      offset += 25 * MINUTE;
      expect((await cleo.get("/api/me")).status).toBe(200);
    }
    offset += 25 * MINUTE; // 12 h 5 min after sign-in, 25 minutes after its last request
    const newcomer = await system.signIn("cleo");
    const newcomerTab = await open(newcomer);

    expect(await system.bff.sessions.sweep()).toBeGreaterThanOrEqual(1);
    await endedSoon(tab);
    expect(newcomerTab.ended()).toBe(false);
  });
});
