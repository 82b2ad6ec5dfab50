import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { type PortalProcess, startPortalProcess } from "../testing/portal-process.ts";
import { livePushBody } from "./profile-fixture.ts";
import { readMemberProfile } from "./read-member-profile.ts";

// "Stored before acknowledged", tested the hard way: the real BFF process on the embedded PGlite is
// killed with SIGKILL the moment it answers 2xx, and the profile must be in its DATA_DIR afterwards.
// (This proves survival of a process crash; PGlite does not fsync, so not of a power cut — README.)

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

    const db = await openDatabase({ dataDir });
    try {
      const stored = await readMemberProfile(db, "ava");
      expect(stored?.profile.totalPoints).toBe(4321);
      expect(stored?.profile.dateLastUpdated).toEqual(new Date(stamp * 1000));
    } finally {
      await db.close();
    }
  }, 60_000);
});
