import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { readMemberProfile } from "../profile/read-member-profile.ts";
import { type PortalProcess, startPortalProcess } from "../testing/portal-process.ts";
import { livePushBody } from "./profile-fixture.ts";

// "Stored before acknowledged", tested the hard way: the real BFF process, running its embedded
// PostgreSQL in DATA_DIR, is killed with SIGKILL the moment it answers 2xx, then the database server
// is killed with SIGKILL too; started again, the database must hold the profile. (A power cut cannot
// be staged here; fsync and synchronous commit are on, which migrate.test.ts checks.)

const API_KEY = "crash-test-live-push-key";

describe("an acknowledged push on the embedded database", () => {
  let portal: PortalProcess | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await portal?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("survives kill -9 right after the 2xx", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "portal-crash-"));
    chmodSync(dataDir, 0o755); // the database may run as another user (as root: `postgres`)
    portal = await startPortalProcess({
      DATA_DIR: dataDir,
      CROWDTWIST_API_KEY: "crash-test-ct-key",
      OIDC_CLIENT_SECRET: "crash-test-oidc-secret",
      LIVE_PUSH_API_KEY: API_KEY,
      LOG_LEVEL: "silent",
    });
    // Now, not a fixed date: a push dated over a day ahead of the server's clock is refused (ADR 0011).
    const stamp = Math.floor(Date.now() / 1000);

    const response = await fetch(`${portal.url}/webhooks/crowdtwist/user-profile`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: JSON.stringify(livePushBody("ava", { dateLastUpdated: stamp, totalPoints: 4321 })),
    });
    expect(response.status).toBe(200);
    await portal.kill(); // SIGKILL, no graceful close: whatever was not written by now is lost
    const postmaster = Number(
      readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
    );
    process.kill(postmaster, "SIGKILL");
    await waitUntilGone(postmaster);

    const server = await startEmbeddedPostgres({ dataDir, log: () => {} });
    const db = await openDatabase({ databaseUrl: server.url });
    try {
      const stored = await readMemberProfile(db, "ava");
      expect(stored?.profile.totalPoints).toBe(4321);
      expect(stored?.profile.dateLastUpdated).toEqual(new Date(stamp * 1000));
    } finally {
      await db.close();
      server.stop();
    }
  }, 60_000);
});

async function waitUntilGone(pid: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`process ${pid} still running`);
}
