import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../ports.ts";

// The whole topology as operators run it: `PORTAL_INSTANCES=3 npm start`'s launcher (scripts/serve.mjs)
// with the embedded PostgreSQL, a local Redis, the sandbox, three BFF instances on PORT+1…PORT+3 and
// haproxy on PORT with deploy/haproxy.cfg. Real processes, so a test can kill one.

const ROOT = resolve(import.meta.dirname, "../../../..");

export interface Topology {
  /** haproxy: where browsers and CrowdTwist connect. */
  url: string;
  /** Each instance directly, portal-1 first. */
  instanceUrls: string[];
  sandboxUrl: string;
  /** The process id of `portal-N` now (the launcher starts a killed one again). */
  pidOf(instance: number): number;
  output(): string;
  /** The launcher itself (scripts/serve.mjs). */
  launcherPid: number;
  stop(): Promise<void>;
}

function stopLeftoverPostgres(dataDir: string) {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, "SIGQUIT"); // immediate shutdown: the folder is deleted next
  } catch {
    // already gone
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

/** `count` consecutive free ports, for PORT and PORT+1…PORT+N. */
async function consecutiveFreePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

export async function startTopology(env: Record<string, string>, instances = 3): Promise<Topology> {
  const port = await consecutiveFreePorts(instances + 1);
  const sandboxPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "portal-topology-"));
  chmodSync(dataDir, 0o755); // the database runs as `postgres` when we are root
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "scripts", "serve.mjs")], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      PORTAL_INSTANCES: String(instances),
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const pids = new Map<number, number>();
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-50_000);
    for (const match of text.matchAll(/portal-(\d+) started \(pid (\d+)\)/g))
      pids.set(Number(match[1]), Number(match[2]));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const late = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(late);
    }
    // A launcher that was killed leaves its database server running (the next start would stop it).
    stopLeftoverPostgres(join(dataDir, "postgres"));
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (!output.includes("Loyalty portal is running.")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the topology did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url: `http://localhost:${port}`,
    instanceUrls: Array.from({ length: instances }, (_, i) => `http://localhost:${port + i + 1}`),
    sandboxUrl: `http://localhost:${sandboxPort}`,
    pidOf(instance) {
      const pid = pids.get(instance);
      if (!pid) throw new Error(`no pid for portal-${instance}`);
      return pid;
    },
    output: () => output,
    launcherPid: child.pid as number,
    stop,
  };
}
