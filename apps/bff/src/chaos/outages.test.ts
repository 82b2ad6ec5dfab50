import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PortalProcess, startPortalProcess } from "../testing/portal-process.ts";
import { SANDBOX_API_KEY, startTestSandbox, type TestSandbox } from "../testing/sandbox.ts";
import { signIn } from "../testing/sign-in.ts";
import { everyoneFresh, type Member, probe, type Sample, slowest } from "./probe.ts";

// Chaos: the real BFF process on a real Postgres, the real sandbox, members loading their pages the
// whole time, and the faults in the order they happen in life — an outage, a restart in the middle
// of it, the recovery. Two promises are checked in every scenario: no member request waits more than
// 5 s, whatever the upstream does; and within 30 s of the upstream's recovery every member has
// fresh data again, with no one having to do anything.

const OIDC_CLIENT_SECRET = "chaos-oidc-client-secret";
const ALIDA_CLIENT_SECRET = "chaos-alida-client-secret";
const LIVE_PUSH_API_KEY = "chaos-live-push-key-0123";
const ANSWER_WITHIN_MS = 5_000;
const RECOVER_WITHIN_MS = 30_000;

let sandbox: TestSandbox;
let portal: PortalProcess;
/** A Postgres of this file's own (scripts/postgres.mjs), so crashing it touches no other test. */
interface Postgres {
  url: string;
  dir: string;
  stop(): void;
  crash(): void;
  start(): void;
}
let postgres: Postgres;
let members: Member[];

beforeAll(async () => {
  const script = new URL("../../../../scripts/postgres.mjs", import.meta.url).href;
  const { startPostgres } = (await import(script)) as {
    startPostgres(options?: { log?: (line: string) => void }): Promise<Postgres>;
  };
  postgres = await startPostgres({ log: () => {} });
  // The portal's port is chosen before the sandbox starts, so each knows the other's address.
  portal = await startPortalProcess(
    {
      DATABASE_URL: postgres.url,
      CROWDTWIST_API_KEY: SANDBOX_API_KEY,
      OIDC_CLIENT_SECRET,
      ALIDA_CLIENT_SECRET,
      LIVE_PUSH_API_KEY,
      // Pages revalidate every few seconds, so an outage shows within the scenario.
      CACHE_FRESH_SECONDS: "3",
      UPSTREAM_TIMEOUT_MS: "1000",
      RATE_LIMIT_PER_MINUTE: "0",
      LOGIN_RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "warn",
    },
    async (url) => {
      sandbox = await startTestSandbox({
        PORTAL_URL: url,
        OIDC_CLIENT_SECRET,
        ALIDA_CLIENT_SECRET,
        LIVE_PUSH_URL: `${url}/webhooks/crowdtwist/user-profile`,
        LIVE_PUSH_API_KEY,
      });
      return {
        CROWDTWIST_BASE_URL: sandbox.url,
        OIDC_ISSUER: `${sandbox.url}/oidc`,
        ALIDA_BASE_URL: sandbox.url,
        ALIDA_TOKEN_URL: `${sandbox.url}/oauth/token`,
      };
    },
  );
  members = await Promise.all(
    ["ava", "ben", "cleo"].map(async (name) => ({ name, agent: await signIn(portal.url, name) })),
  );
  await everyoneFresh(members, RECOVER_WITHIN_MS);
}, 90_000);

afterAll(async () => {
  await portal?.kill();
  await sandbox?.close();
  postgres?.stop();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Runs `during` while members keep loading their pages; returns what they got. */
async function whileMembersLoad(during: () => Promise<void>): Promise<Sample[]> {
  const running = probe(members);
  // stop() waits for the requests in flight, so the slowest one is in the samples too.
  await during().finally(() => undefined);
  return running.stop();
}

function expectEveryAnswerWithinBound(samples: Sample[]) {
  const answered = samples.filter((s) => s.status !== 0 || s.ms < 1_000); // refused while down: instant
  expect(answered.length).toBeGreaterThan(0);
  const worst = slowest(samples);
  expect(worst?.ms ?? 0, `slowest request: ${JSON.stringify(worst)}`).toBeLessThan(ANSWER_WITHIN_MS);
}

async function expectRecovery() {
  const seconds = await everyoneFresh(members, RECOVER_WITHIN_MS);
  expect(seconds).toBeLessThan(RECOVER_WITHIN_MS / 1000);
}

describe("when CrowdTwist goes down and comes back", () => {
  it("warm outage: members keep their last good data, marked degraded, then fresh again", async () => {
    const samples = await whileMembersLoad(async () => {
      sandbox.fault({ target: "crowdtwist", status: 503 });
      await sleep(8_000); // past the fresh window: pages are served degraded
    });
    sandbox.clearFaults();
    expectEveryAnswerWithinBound(samples);
    const activities = samples.filter((s) => s.path === "/api/me/activities");
    expect(activities.every((s) => s.status === 200)).toBe(true);
    expect(activities.some((s) => s.degraded === true)).toBe(true);
    await expectRecovery();
  }, 60_000);

  it("hang: nothing waits on an upstream that never answers", async () => {
    const samples = await whileMembersLoad(async () => {
      sandbox.fault({ target: "crowdtwist", hang: true });
      await sleep(8_000);
    });
    sandbox.clearFaults();
    expectEveryAnswerWithinBound(samples);
    await expectRecovery();
  }, 60_000);

  it("flapping: an upstream that fails every other moment never stacks up waits", async () => {
    const samples = await whileMembersLoad(async () => {
      for (let i = 0; i < 6; i += 1) {
        sandbox.fault({ target: "crowdtwist", status: i % 2 === 0 ? 503 : 502 });
        await sleep(1_000);
        sandbox.clearFaults();
        sandbox.fault({ target: "crowdtwist", latencyMs: 1_500, times: 3 });
        await sleep(1_000);
        sandbox.clearFaults();
      }
    });
    expectEveryAnswerWithinBound(samples);
    await expectRecovery();
  }, 60_000);

  it("cold outage with restarts: the portal restarted mid-outage recovers by itself", async () => {
    // As reported: the fault on, the portal restarted (cold cache, new breaker), the fault injected
    // again, members' pages erroring — then the upstream recovers. Once, this hung every member for good.
    sandbox.fault({ target: "crowdtwist", status: 503 });
    await portal.kill();
    await portal.start();
    const samples = await whileMembersLoad(async () => {
      await sleep(4_000);
      await portal.kill();
      await portal.start();
      sandbox.clearFaults();
      sandbox.fault({ target: "crowdtwist", status: 503 });
      await sleep(6_000); // long enough for the breaker to open and try half-open
    });
    sandbox.clearFaults();
    expectEveryAnswerWithinBound(samples);
    const errors = samples.filter((s) => s.path === "/api/me/activities" && s.status !== 0);
    expect(errors.some((s) => s.status === 503)).toBe(true); // nothing cached: an honest error
    await expectRecovery();
  }, 90_000);
});

describe("when Alida is down", () => {
  it("managers still get CrowdTwist's side within the bound; the Alida panel comes back by itself", async () => {
    const morgan = await signIn(portal.url, "morgan");
    const preview = async () => {
      const startedAt = performance.now();
      const response = await morgan.request("GET", "/api/manager/activities/112", {
        signal: AbortSignal.timeout(10_000),
      });
      return { response, ms: performance.now() - startedAt };
    };
    sandbox.fault({ target: "alida", hang: true });
    const samples = await whileMembersLoad(async () => {
      const during = await preview();
      expect(during.ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect(during.response.status).toBe(200);
      expect(during.response.json<{ alida: { state: string } }>().alida.state).toBe("unavailable");
    });
    sandbox.clearFaults();
    expectEveryAnswerWithinBound(samples);
    expect(samples.every((s) => s.status === 200)).toBe(true); // members never depend on Alida
    await expect
      .poll(async () => (await preview()).response.json<{ alida: { state: string } }>().alida.state, {
        timeout: RECOVER_WITHIN_MS,
        interval: 1_000,
      })
      .toBe("linked");
  }, 60_000);
});

describe("when the database restarts under load", () => {
  it("answers in our words while it is down and serves everyone again once it is back", async () => {
    const samples = await whileMembersLoad(async () => {
      await sleep(1_000);
      postgres.crash(); // every connection cut at once, as in a crash or a failover
      await sleep(3_000);
      postgres.start();
      await sleep(2_000);
    });
    expectEveryAnswerWithinBound(samples);
    const whileDown = samples.filter((s) => s.status !== 200);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.map((s) => s.status).filter((status) => status !== 503)).toEqual([]);
    await expectRecovery();
  }, 60_000);
});

describe("when the database stops answering", () => {
  it("answers every request within the bound while queries hang, and recovers when it resumes", async () => {
    // SIGSTOP on the server and its backends: connections stay open, queries never return — the
    // case a connection error cannot catch, only a deadline can.
    const postmaster = Number(
      readFileSync(join(postgres.dir, "data", "postmaster.pid"), "utf8").split("\n")[0],
    );
    const processes = () => [
      postmaster,
      ...execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number),
    ];
    const signal = (name: NodeJS.Signals) => {
      for (const pid of processes()) process.kill(pid, name);
    };
    let samples: Sample[] = [];
    try {
      samples = await whileMembersLoad(async () => {
        await sleep(500);
        signal("SIGSTOP");
        await sleep(7_000); // past the session cache (5 s): every request needs the database
        signal("SIGCONT");
      });
    } finally {
      signal("SIGCONT");
    }
    expectEveryAnswerWithinBound(samples);
    expect(samples.some((s) => s.status === 503)).toBe(true);
    await expectRecovery();
  }, 60_000);
});
