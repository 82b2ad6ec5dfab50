import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { livePushBody } from "./profile-fixture.ts";
import { readMemberProfile } from "./read-member-profile.ts";

// "Stored before acknowledged", tested the hard way: the real BFF process on the embedded PGlite is
// killed with SIGKILL the moment it answers 2xx, and the profile must be in its DATA_DIR afterwards.
// (This proves survival of a process crash; PGlite does not fsync, so not of a power cut — README.)

const MAIN = resolve(import.meta.dirname, "../main.ts");
const API_KEY = "crash-test-live-push-key";

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startBff(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "development",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      CROWDTWIST_API_KEY: "crash-test-ct-key",
      OIDC_CLIENT_SECRET: "crash-test-oidc-secret",
      LIVE_PUSH_API_KEY: API_KEY,
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((ready, fail) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("portal listening")) ready(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`the BFF exited (${code}) before listening:\n${output}`)));
  });
}

describe("an acknowledged push on the embedded database", () => {
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("survives kill -9 right after the 2xx", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "portal-crash-"));
    const port = await freePort();
    child = await startBff(dataDir, port);
    const exited = new Promise((done) => child?.once("exit", done));
    // Now, not a fixed date: a push dated over a day ahead of the server's clock is refused (ADR 0011).
    const stamp = Math.floor(Date.now() / 1000);

    const response = await fetch(`http://127.0.0.1:${port}/webhooks/crowdtwist/user-profile`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: JSON.stringify(livePushBody("ava", { dateLastUpdated: stamp, totalPoints: 4321 })),
    });
    expect(response.status).toBe(200);
    child.kill("SIGKILL"); // no graceful close: whatever was not written by now is lost
    await exited;

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
