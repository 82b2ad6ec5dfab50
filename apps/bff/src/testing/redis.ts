import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { accepts, freePort } from "../ports.ts";
import { killProcess } from "./kill-process.ts";

// A real redis-server (Debian's; `npm test` installs it) on a free loopback port, that a test can
// kill and start again on the same port, as an outage and a recovery.

const REDIS_SERVER = "/usr/bin/redis-server";

export interface TestRedis {
  url: string;
  port: number;
  /** SIGKILL: every connection drops at once. */
  kill(): Promise<void>;
  /** Starts it again (empty) on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      "redis-server is not installed, so this test cannot run. `npm test` installs Debian's redis-server with apt-get (as root or with passwordless sudo); or run `apt-get install -y redis-server`.",
    );
  }
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      REDIS_SERVER,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (Date.now() > deadline) throw new Error("redis-server did not start");
      await new Promise((done) => setTimeout(done, 25));
    }
  };
  const kill = () => killProcess(child);
  await start();
  process.once("exit", () => child?.kill("SIGKILL"));
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}
