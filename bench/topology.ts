import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accepts, freePort } from "@portal/bff/ports";
import { type Bff, type BffReady, log, type Sandbox, sleep, startBff } from "./common.ts";
import type { BenchPostgres } from "./postgres.ts";

// The multi-instance topology as `PORTAL_INSTANCES=3 npm run serve` runs it — one database, a local
// Redis, N BFF instances and haproxy with deploy/haproxy.cfg (made by scripts/serve.mjs's own
// haproxyConfig) — but with the bench's BFF children, so the figures can create sessions and read
// counters over IPC. Debian's haproxy and redis-server must be installed (`npm run serve` installs
// them with PORTAL_INSTANCES > 1).

const HAPROXY = "/usr/sbin/haproxy";
const REDIS_SERVER = "/usr/bin/redis-server";

export interface BenchTopology {
  /** haproxy. */
  url: string;
  instances: Bff[];
  instanceUrls: string[];
  stop(): Promise<void>;
}

async function until(what: string, probe: () => Promise<boolean>, child: ChildProcess, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (child.exitCode !== null) throw new Error(`${what}: exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${ms / 1000} s`);
    await sleep(100);
  }
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

export async function startTopology(
  sandbox: Sandbox,
  postgres: BenchPostgres,
  options: { instances: number; env: Record<string, string> },
): Promise<BenchTopology> {
  for (const binary of [HAPROXY, REDIS_SERVER]) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing (apt-get install haproxy redis-server)`);
  }
  const processes: ChildProcess[] = [];
  const instances: Bff[] = [];
  const dir = mkdtempSync(join(tmpdir(), "portal-bench-haproxy-"));
  const stop = async () => {
    for (const child of processes.reverse()) await stopChild(child);
    await Promise.all(instances.map((instance) => instance.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redisPort = await freePort();
    const redis = spawn(
      REDIS_SERVER,
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    processes.push(redis);
    await until("redis-server", () => accepts(redisPort), redis);

    const databaseUrl = await postgres.createDatabase();
    for (let i = 1; i <= options.instances; i += 1) {
      instances.push(
        await startBff(sandbox, databaseUrl, {
          ...options.env,
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          PORTAL_INSTANCE_ID: `portal-${i}`,
          // haproxy on loopback names the client in X-Forwarded-For.
          TRUSTED_PROXIES: "127.0.0.1,::1",
        }),
      );
    }
    const instanceUrls = instances.map((instance) => (instance.ready as BffReady).url);

    const serveScript = new URL("../scripts/serve.mjs", import.meta.url).href;
    const { haproxyConfig } = (await import(serveScript)) as { haproxyConfig(instances: number): string };
    const config = join(dir, "haproxy.cfg");
    writeFileSync(config, haproxyConfig(options.instances));
    const port = await freePort();
    const haproxy = spawn(HAPROXY, ["-db", "-f", config], {
      env: {
        PATH: process.env.PATH,
        PORTAL_BIND: `127.0.0.1:${port}`,
        ...Object.fromEntries(instanceUrls.map((url, i) => [`PORTAL_SERVER_${i + 1}`, new URL(url).host])),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    processes.push(haproxy);
    const url = `http://127.0.0.1:${port}`;
    // Every instance must have passed haproxy's readiness check: a health answer from each one.
    const seen = new Set<string>();
    await until(
      "haproxy",
      async () => {
        const answer = await fetch(`${url}/api/health`).catch(() => null);
        const instance = answer?.headers.get("x-portal-instance");
        if (answer?.ok && instance) seen.add(instance);
        return seen.size === options.instances;
      },
      haproxy,
    );
    log(`topology: haproxy on ${url} in front of ${instanceUrls.join(", ")}; Redis on ${redisPort}`);
    return { url, instances, instanceUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
