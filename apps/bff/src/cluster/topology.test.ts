import type { IncomingMessage } from "node:http";
import type { Agent } from "@portal/sandbox/testing/agent";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livePushBody } from "../live-push/profile-fixture.ts";
import { type LiveTab, openLiveTab } from "../testing/live-tab.ts";
import { signIn } from "../testing/sign-in.ts";
import { startTopology, type Topology } from "../testing/topology.ts";

// Three BFF instances behind haproxy on one embedded PostgreSQL and one Redis, started the way
// operators start them (`PORTAL_INSTANCES=3 npm start`), and everything that must hold across them:
// sessions, live updates, cache invalidation, single-flight, rate limits, and losing an instance.

const LIVE_PUSH_API_KEY = "topology-live-push-key-0123";
const SIGN_IN_LIMIT = 12;

let topology: Topology;
beforeAll(async () => {
  topology = await startTopology({
    LIVE_PUSH_API_KEY,
    LOGIN_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_LIMIT),
    // The load below comes from one address; the limit under test is the sign-in one.
    RATE_LIMIT_PER_MINUTE: "100000",
  });
}, 120_000);
afterAll(() => topology?.stop(), 60_000);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 5_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

// Newer than anything the sandbox pushed at start (a push may be dated up to a day ahead).
let pushSecond = Math.floor(Date.now() / 1000) + 60;
/** A Live Push delivery through haproxy, as CrowdTwist sends it; each one newer than the last. */
async function push(member: string, totalPoints: number) {
  pushSecond += 1;
  const response = await fetch(`${topology.url}/webhooks/crowdtwist/user-profile`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY },
    body: JSON.stringify(livePushBody(member, { dateLastUpdated: pushSecond, totalPoints })),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: (await response.json()) as { outcome: string; version: number } };
}

const lastProfile = (tab: LiveTab) => {
  const profiles = tab.events().filter((e) => e.event === "profile");
  const last = profiles.at(-1);
  return last ? { id: Number(last.id), view: JSON.parse(last.data) as { points: { total: number } } } : null;
};

async function crowdTwistActivityCalls(): Promise<number> {
  const stats = (await (await fetch(`${topology.sandboxUrl}/sandbox/faults`)).json()) as {
    paths: Record<string, number>;
  };
  return Object.entries(stats.paths)
    .filter(([path]) => /^\/v2\/users\/[^/]+\/activities$/.test(path))
    .reduce((sum, [, count]) => sum + count, 0);
}

describe("three instances behind haproxy", () => {
  it("each answers with its own id, directly and through the proxy, which spreads requests over all", async () => {
    for (const [i, url] of topology.instanceUrls.entries()) {
      const response = await fetch(`${url}/api/health`);
      expect(await response.json()).toMatchObject({ status: "ok", instance: `portal-${i + 1}` });
      expect(response.headers.get("x-portal-instance")).toBe(`portal-${i + 1}`);
    }
    const seen = new Set<string | null>();
    for (let i = 0; i < 9; i += 1) {
      seen.add((await fetch(`${topology.url}/api/health`)).headers.get("x-portal-instance"));
    }
    expect([...seen].sort()).toEqual(["portal-1", "portal-2", "portal-3"]);
  });

  it("a session made on one instance works on every other, and a sign-out on one ends it everywhere at once", async () => {
    const ben = await signIn(topology.url, "ben");
    for (const url of topology.instanceUrls) {
      const me = await ben.get(`${url}/api/me`);
      expect(me.status).toBe(200);
      expect(me.json<{ user: { name: string } }>().user.name).toMatch(/ben/i);
    }
    const [first, second, third] = topology.instanceUrls as [string, string, string];
    const tab = await openLiveTab(third, ben);
    expect(tab.status).toBe(200);
    // Warm instance 2's session cache, so the sign-out must reach it rather than wait for expiry.
    expect((await ben.get(`${second}/api/me/activities`)).status).toBe(200);
    // The browser drops the cookie at sign-out; a copy of it (another tab, a stolen cookie) must stop
    // working on every instance too.
    const cookie = `__Host-portal.sid=${ben.cookie("__Host-portal.sid")}`;
    const signedOutAt = Date.now();
    const out = await ben.request("POST", `${first}/api/auth/logout`, {
      headers: { "x-csrf": "1", origin: topology.url, "sec-fetch-site": "same-origin" },
    });
    expect(out.status).toBeLessThan(400);
    await until(
      "instance 2 refuses the ended session",
      async () => (await fetch(`${second}/api/me/activities`, { headers: { cookie } })).status === 401,
      2_000,
    );
    await until("instance 3 ends the session's stream", async () => tab.ended(), 2_000);
    // Well before the 5 s session cache or the 15 s heartbeat would have caught it.
    expect(Date.now() - signedOutAt).toBeLessThan(2_000);
  });

  it("a push stored by any instance reaches the member's tabs on every instance, and every instance drops the activities it cached", async () => {
    const ava = await signIn(topology.url, "ava");
    for (const url of topology.instanceUrls)
      expect((await ava.get(`${url}/api/me/activities`)).status).toBe(200);
    const tabs = await Promise.all(topology.instanceUrls.map((url) => openLiveTab(url, ava)));
    for (const tab of tabs) expect(tab.status).toBe(200);
    const pushedAt = Date.now();
    const stored = await push("ava", 777_001);
    expect(stored).toMatchObject({ status: 200, body: { outcome: "stored" } });
    for (const [i, tab] of tabs.entries()) {
      await until(
        `the tab on portal-${i + 1} gets the pushed profile`,
        async () => lastProfile(tab)?.view.points.total === 777_001,
        3_000,
      );
      expect(lastProfile(tab)?.id).toBe(stored.body.version);
    }
    for (const url of topology.instanceUrls) {
      const activities = (await ava.get(`${url}/api/me/activities`)).json<{
        freshness: { fetchedAt: string };
      }>();
      expect(Date.parse(activities.freshness.fetchedAt)).toBeGreaterThanOrEqual(pushedAt - 1_000);
    }
    for (const tab of tabs) tab.close();
  });

  it("200 concurrent cold requests for one member, spread over the 3 instances, make one CrowdTwist call", async () => {
    const cleo = await signIn(topology.url, "cleo");
    const before = await crowdTwistActivityCalls();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => cleo.get(`${topology.instanceUrls[i % 3]}/api/me/activities`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect((await crowdTwistActivityCalls()) - before).toBe(1);
  });

  it("rate limits count every instance's requests together", async () => {
    // One client address (X-Forwarded-For from a trusted proxy) spread over the instances.
    // The forwarded host is the portal's, as haproxy passes it on, so sign-in is not sent there first.
    const from = { "x-forwarded-for": "198.51.100.23", "x-forwarded-host": new URL(topology.url).host };
    const answers: { status: number; location: string }[] = [];
    for (let i = 0; i <= SIGN_IN_LIMIT; i += 1) {
      const response = await fetch(`${topology.instanceUrls[i % 3]}/api/auth/login`, {
        headers: from,
        redirect: "manual",
      });
      answers.push({ status: response.status, location: response.headers.get("location") ?? "" });
    }
    // Within the limit, sign-in goes to the identity provider.
    for (const answer of answers.slice(0, SIGN_IN_LIMIT)) {
      expect(answer).toMatchObject({ status: 302, location: expect.stringContaining("/oidc/") });
    }
    // Each instance saw only 4 or 5 of them: the 13th is refused because the count is shared (a
    // browser gets the sign-in failure page, which says to wait).
    expect(answers.at(-1)?.location).toMatch(/\/sign-in-failed\?reason=busy/);
  });

  it("losing an instance under load loses no acknowledged push; live streams resume through haproxy; only requests in flight at the kill fail", async () => {
    const ava = await signIn(topology.url, "ava");
    const stream = resumingStream(topology.url, ava);
    const first = await until("the stream connects", async () => stream.connections()[0], 5_000);
    const victim = Number(first.instance.replace("portal-", ""));

    let running = true;
    const requests: { start: number; end: number; ok: boolean }[] = [];
    const reader = async () => {
      while (running) {
        const start = Date.now();
        const ok = await ava
          .get(`${topology.url}/api/me/activities`)
          .then((r) => r.status === 200)
          .catch(() => false);
        requests.push({ start, end: Date.now(), ok });
      }
    };
    const acked: { version: number; total: number }[] = [];
    const pushFailures: number[] = [];
    const pusher = async () => {
      for (let total = 900_000; running; total += 1) {
        const start = Date.now();
        const result = await push("ava", total).catch(() => null);
        if (result?.status === 200) acked.push({ version: result.body.version, total });
        else pushFailures.push(start);
        await sleep(20);
      }
    };
    const load = [...Array.from({ length: 6 }, reader), pusher()];
    await sleep(1_500);
    const killedAt = Date.now();
    process.kill(topology.pidOf(victim), "SIGKILL");
    await sleep(4_000);
    running = false;
    await Promise.all(load);

    // Every acknowledged push is in the database: the member's profile is the last one acknowledged.
    const last = acked.at(-1);
    expect(acked.length).toBeGreaterThan(20);
    const me = (await ava.get(`${topology.url}/api/me`)).json<{ profile: { points: { total: number } } }>();
    expect(me.profile.points.total).toBe(last?.total);

    // The stream moved to another instance and caught up to the last version without a gap left.
    await until("the stream reaches the last version", async () => stream.lastId() === last?.version, 5_000);
    const connections = stream.connections();
    expect(connections.length).toBeGreaterThanOrEqual(2);
    // The first reconnection went elsewhere and resumed (later ones may reach the restarted portal-N).
    expect(connections[1]?.instance).not.toBe(`portal-${victim}`);
    expect(connections[1]?.lastEventIdSent).not.toBeNull();
    stream.close();

    // Failures only among what was in flight at the kill: each worker at most one, none long after.
    const failed = requests.filter((r) => !r.ok);
    console.info(
      `kill -9 of portal-${victim} under load: ${requests.length} reads (${failed.length} failed), ${acked.length} pushes acknowledged (${pushFailures.length} failed), stream resumed after ${connections.length - 1} reconnect(s)`,
    );
    expect(failed.length + pushFailures.length).toBeLessThanOrEqual(7);
    for (const r of failed) expect(r.start).toBeLessThanOrEqual(killedAt + 50);
    expect(requests.filter((r) => r.start > killedAt + 50).length).toBeGreaterThan(20);

    // The launcher starts the lost instance again.
    await until(
      `portal-${victim} is back`,
      async () => (await fetch(`${topology.instanceUrls[victim - 1]}/api/health`)).ok,
      20_000,
    );
  }, 60_000);

  it("an instance stopped with SIGTERM (a deploy) under load drains without failing a single request", async () => {
    const ben = await signIn(topology.url, "ben");
    const stream = resumingStream(topology.url, ben);
    const first = await until("the stream connects", async () => stream.connections()[0], 5_000);
    const stopped = Number(first.instance.replace("portal-", ""));
    let running = true;
    const outcomes: string[] = [];
    const reader = async () => {
      while (running) {
        outcomes.push(
          await ben
            .get(`${topology.url}/api/me/activities`)
            .then((r) => (r.status === 200 ? "ok" : `${r.status} ${r.text.slice(0, 200)}`))
            .catch((error: unknown) => String(error)),
        );
      }
    };
    const load = Array.from({ length: 6 }, reader);
    await sleep(1_000);
    process.kill(topology.pidOf(stopped), "SIGTERM");
    await sleep(3_000);
    running = false;
    await Promise.all(load);
    expect(outcomes.length).toBeGreaterThan(50);
    expect(outcomes.filter((outcome) => outcome !== "ok")).toEqual([]);
    // The stream it held moved to another instance.
    await until(
      "the stream reconnects elsewhere",
      async () => stream.connections().some((c, i) => i > 0 && c.instance !== `portal-${stopped}`),
      5_000,
    );
    stream.close();
  }, 30_000);

  // Last: it ends the topology.
  it("when the launcher itself is killed, its instances, sandbox, Redis and haproxy stop with it", async () => {
    const ports = [topology.url, topology.sandboxUrl, ...topology.instanceUrls].map((url) =>
      Number(new URL(url).port),
    );
    const listening = async () =>
      (
        await Promise.all(
          ports.map((port) =>
            fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) }).then(
              () => true,
              () => false,
            ),
          ),
        )
      ).filter(Boolean).length;
    // The instance stopped above is started again by the launcher: everything is up before the kill.
    await until("every port is listening", async () => (await listening()) === ports.length, 20_000);
    process.kill(topology.launcherPid, "SIGKILL");
    await until("every port is free again", async () => (await listening()) === 0, 15_000);
  }, 30_000);
});

/** An EventSource as browsers run it: on a drop it reconnects after a moment, sending Last-Event-ID. */
function resumingStream(url: string, agent: Agent) {
  const connections: { instance: string; lastEventIdSent: string | null }[] = [];
  let seen: number | null = null;
  let closed = false;
  let current: LiveTab | null = null;
  const lastId = () => {
    const now = current ? lastProfile(current)?.id : undefined;
    return now !== undefined && (seen === null || now > seen) ? now : seen;
  };
  const connect = async () => {
    while (!closed) {
      const last = lastId();
      const sent = last === null ? null : String(last);
      try {
        const tab = await openLiveTab(url, agent, sent === null ? {} : { "last-event-id": sent });
        current = tab;
        connections.push({ instance: String(tab.res.headers["x-portal-instance"]), lastEventIdSent: sent });
        await new Promise<void>((done) => {
          const res: IncomingMessage = tab.res;
          res.on("close", () => {
            seen = lastId();
            done();
          });
          res.on("error", () => done());
        });
      } catch {
        // refused while haproxy notices the lost instance: try again
      }
      await sleep(200);
    }
  };
  void connect();
  return {
    connections: () => connections,
    lastId,
    close() {
      closed = true;
      current?.close();
    },
  };
}
