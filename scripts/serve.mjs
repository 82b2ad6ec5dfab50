// Runs the whole portal with one set of secrets, prints where to go, and stops everything when it is
// stopped. `npm start` builds the web app first, then calls this.
//
// What runs (PORTAL_INSTANCES=N, default 1):
//   - the database: the embedded PostgreSQL in DATA_DIR, unless DATABASE_URL names another;
//   - the sandbox (CrowdTwist, Alida and sign-in stand-ins), unless SANDBOX=off;
//   - N = 1: one portal instance on PORT;
//   - N > 1: a local Redis (unless REDIS_URL names one), N instances on PORT+1…PORT+N and haproxy on
//     PORT with deploy/haproxy.cfg. An instance that dies is started again; the others carry on.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { accepts, freePort } from "../apps/bff/src/ports.ts";
import { aptInstall } from "./apt.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const secret = () => randomBytes(24).toString("base64url");
const MAX_INSTANCES = 16;
/** Runs a program that is not Node (Redis, haproxy) so that it stops with this launcher. */
const GUARD = join(root, "scripts", "guard.mjs");

/** The environment of every process: what the caller set, and generated secrets for the rest. */
export function systemEnv(source = process.env) {
  const port = source.PORT ?? "3000";
  const sandboxPort = source.SANDBOX_PORT ?? "4010";
  const portalUrl = source.PUBLIC_URL ?? `http://localhost:${port}`;
  const sandboxUrl = source.SANDBOX_PUBLIC_URL ?? `http://localhost:${sandboxPort}`;
  const useBasic = source.LIVE_PUSH_BASIC_USER && source.LIVE_PUSH_BASIC_PASSWORD;
  return {
    ...source,
    PORT: port,
    SANDBOX_PORT: sandboxPort,
    PUBLIC_URL: portalUrl,
    PORTAL_URL: portalUrl,
    SANDBOX_PUBLIC_URL: sandboxUrl,
    CROWDTWIST_BASE_URL: source.CROWDTWIST_BASE_URL ?? sandboxUrl,
    CROWDTWIST_API_KEY: source.CROWDTWIST_API_KEY ?? secret(),
    ALIDA_BASE_URL: source.ALIDA_BASE_URL ?? sandboxUrl,
    ALIDA_TOKEN_URL: source.ALIDA_TOKEN_URL ?? `${sandboxUrl}/oauth/token`,
    ALIDA_CLIENT_SECRET: source.ALIDA_CLIENT_SECRET ?? secret(),
    OIDC_ISSUER: source.OIDC_ISSUER ?? `${sandboxUrl}/oidc`,
    OIDC_CLIENT_SECRET: source.OIDC_CLIENT_SECRET ?? secret(),
    ...(useBasic ? {} : { LIVE_PUSH_API_KEY: source.LIVE_PUSH_API_KEY ?? secret() }),
  };
}

/** PORTAL_INSTANCES as a number, or an error that says what to fix. */
export function instanceCount(value) {
  if (value === undefined || value === "") return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCES) {
    throw new Error(`PORTAL_INSTANCES: must be a whole number from 1 to ${MAX_INSTANCES} (got "${value}")`);
  }
  return count;
}

/** deploy/haproxy.cfg with one `server` line per instance. */
export function haproxyConfig(instances) {
  const lines = readFileSync(join(root, "deploy", "haproxy.cfg"), "utf8").split("\n");
  const isServer = (line) => /"\$\{PORTAL_SERVER_\d+\}"/.test(line);
  const template = lines.find(isServer);
  if (!template) throw new Error("deploy/haproxy.cfg has no server line naming PORTAL_SERVER_1");
  const at = lines.findIndex(isServer);
  const servers = Array.from({ length: instances }, (_, i) =>
    template.replace(/portal\d+ "\$\{PORTAL_SERVER_\d+\}"/, `portal${i + 1} "\${PORTAL_SERVER_${i + 1}}"`),
  );
  return [
    ...lines.slice(0, at).filter((l) => !isServer(l)),
    ...servers,
    ...lines.slice(at).filter((l) => !isServer(l)),
  ].join("\n");
}

function prefixLines(stream, label, out) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`${label} ${line}\n`);
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function waitFor(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A Debian binary, installed with apt-get when missing. */
function debianBinary(path, pkg, log) {
  if (existsSync(path)) return path;
  log(`${path} is missing; installing Debian's ${pkg} with apt-get`);
  if (!aptInstall(pkg, log) || !existsSync(path)) {
    throw new Error(
      `${pkg} is needed for PORTAL_INSTANCES > 1 and could not be installed (run as root or with passwordless sudo).`,
    );
  }
  return path;
}

export async function serveSystem(source = process.env) {
  const env = systemEnv(source);
  const say = (label, line) => process.stdout.write(`${label} ${line}\n`);
  let instances;
  try {
    instances = instanceCount(env.PORTAL_INSTANCES);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const port = Number(env.PORT);
  const host = env.HOST ?? "127.0.0.1";
  const children = new Set();
  const cleanups = [];
  let stopping = false;

  const running = (role) =>
    [...children].filter(
      (child) => child.role === role && child.exitCode === null && child.signalCode === null,
    );
  /** SIGTERM, then SIGKILL for whoever has not exited within `ms`. */
  const stopChildren = async (list, ms) => {
    const exits = list.map((child) => new Promise((done) => child.once("exit", done)));
    for (const child of list) child.kill("SIGTERM");
    const late = setTimeout(() => {
      for (const child of list)
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }, ms);
    await Promise.all(exits);
    clearTimeout(late);
  };
  const cleanUp = (code) => {
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch (error) {
        process.stderr.write(`[launcher] ${error.message}\n`);
      }
    }
    process.exit(code);
  };
  // In order: the instances drain first (haproxy still routes to the others and Redis still
  // answers), then everything else, then the database. A second Ctrl+C stops everything at once.
  const stopAll = (code) => {
    if (stopping) {
      for (const child of children) child.kill("SIGKILL");
      cleanUp(code);
      return;
    }
    stopping = true;
    process.exitCode = code;
    void stopChildren(running("instance"), 15_000)
      .then(() => stopChildren([...running("proxy"), ...running("redis"), ...running("sandbox")], 5_000))
      .then(() => cleanUp(code));
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

  /**
   * Starts a process; `role` orders the stop; `restart` (instances behind the proxy, Redis): started
   * again if it dies, rather than stopping everything.
   */
  const start = (label, role, command, args, childEnv, { restart = false } = {}) => {
    // Node children get an IPC channel: when this launcher dies, however it dies, they see it close
    // and stop rather than hold their ports.
    const stdio =
      command === process.execPath ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"];
    const child = spawn(command, args, { env: childEnv, stdio });
    prefixLines(child.stdout, label, process.stdout);
    prefixLines(child.stderr, label, process.stderr);
    child.role = role;
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (stopping) return;
      if (restart) {
        say("[launcher]", `${label.trim()} stopped (${signal ?? `exit ${code}`}); starting it again`);
        setTimeout(() => {
          if (!stopping) restart();
        }, 1_000);
        return;
      }
      say("[launcher]", `${label.trim()} stopped (${signal ?? `exit ${code}`}); stopping everything`);
      stopAll(code ?? 1);
    });
    return child;
  };

  try {
    // The database first: every instance needs it.
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const { startPostgres } = await import("./postgres.mjs");
      const database = await startPostgres({
        dataDir: resolve(env.DATA_DIR ?? join(root, "data")),
        log: (line) => say("[database]", line),
      });
      cleanups.push(() => database.stop());
      databaseUrl = database.url;
    }

    let redisUrl = env.REDIS_URL;
    if (instances > 1 && !redisUrl) {
      const redisServer = debianBinary("/usr/bin/redis-server", "redis-server", (line) =>
        say("[launcher]", line),
      );
      const redisPort = await freePort();
      // Redis only accelerates (shared counts and cache): nothing to keep on disk. A password, so no
      // other local user can write the cache members are served from; in a file only we can read.
      const redisDir = mkdtempSync(join(tmpdir(), "portal-redis-"));
      cleanups.push(() => rmSync(redisDir, { recursive: true, force: true }));
      const redisPassword = secret();
      const redisConfig = join(redisDir, "redis.conf");
      writeFileSync(
        redisConfig,
        [
          `port ${redisPort}`,
          "bind 127.0.0.1",
          'save ""',
          "appendonly no",
          "loglevel warning",
          `requirepass ${redisPassword}`,
          "",
        ].join("\n"),
        { mode: 0o600 },
      );
      const startRedis = () =>
        start("[redis]   ", "redis", process.execPath, [GUARD, redisServer, redisConfig], process.env, {
          restart: startRedis,
        });
      const redis = startRedis();
      const until = Date.now() + 10_000;
      while (!(await accepts(redisPort))) {
        if (redis.exitCode !== null || Date.now() > until) throw new Error("redis-server did not start");
        await sleep(50);
      }
      redisUrl = `redis://:${redisPassword}@127.0.0.1:${redisPort}`;
    }

    const withSandbox = env.SANDBOX !== "off";
    const sandbox = withSandbox
      ? start("[sandbox] ", "sandbox", process.execPath, [join(root, "apps/sandbox/src/main.ts")], env)
      : null;
    if (sandbox) await waitFor(`http://127.0.0.1:${env.SANDBOX_PORT}/health`, sandbox);

    const behindProxy = instances > 1;
    const instanceEnv = (i) => ({
      ...env,
      DATABASE_URL: databaseUrl,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      PORT: String(behindProxy ? port + i : port),
      PORTAL_INSTANCE_ID: env.PORTAL_INSTANCE_ID && !behindProxy ? env.PORTAL_INSTANCE_ID : `portal-${i}`,
      // haproxy on loopback names the client in X-Forwarded-For.
      ...(behindProxy
        ? { TRUSTED_PROXIES: [env.TRUSTED_PROXIES, "127.0.0.1", "::1"].filter(Boolean).join(",") }
        : {}),
    });
    const startInstance = (i) => {
      const label = behindProxy ? `[portal-${i}]` : "[portal] ";
      const child = start(
        label,
        "instance",
        process.execPath,
        [join(root, "apps/bff/src/main.ts")],
        instanceEnv(i),
        {
          restart: behindProxy ? () => startInstance(i) : false,
        },
      );
      say("[launcher]", `portal-${i} started (pid ${child.pid}) on port ${behindProxy ? port + i : port}`);
      return child;
    };
    const started = Array.from({ length: instances }, (_, i) => startInstance(i + 1));
    await Promise.all(
      started.map((child, i) =>
        waitFor(`http://127.0.0.1:${behindProxy ? port + i + 1 : port}/api/health`, child),
      ),
    );

    if (behindProxy) {
      const haproxy = debianBinary("/usr/sbin/haproxy", "haproxy", (line) => say("[launcher]", line));
      const dir = mkdtempSync(join(tmpdir(), "portal-haproxy-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const config = join(dir, "haproxy.cfg");
      writeFileSync(config, haproxyConfig(instances));
      const servers = Object.fromEntries(
        started.map((_, i) => [`PORTAL_SERVER_${i + 1}`, `127.0.0.1:${port + i + 1}`]),
      );
      const proxy = start("[haproxy] ", "proxy", process.execPath, [GUARD, haproxy, "-db", "-f", config], {
        PATH: env.PATH,
        PORTAL_BIND: `${host}:${port}`,
        ...servers,
      });
      await waitFor(`http://127.0.0.1:${port}/api/health`, proxy);
    }

    process.stdout.write(
      [
        "",
        "  Loyalty portal is running.",
        `  Portal:   ${env.PUBLIC_URL}${behindProxy ? ` (haproxy in front of ${instances} instances on ports ${port + 1}–${port + instances})` : ""}`,
        withSandbox
          ? `  Sandbox:  ${env.SANDBOX_PUBLIC_URL} (stands in for CrowdTwist, Alida and sign-in)`
          : "",
        withSandbox ? '  Demo sign-ins, all with the password "demo":' : "",
        withSandbox
          ? "    ava (Bronze, lowest tier), ben (Silver), cleo (Gold, top tier), morgan (program manager)"
          : "",
        "  Press Ctrl+C to stop.",
        "",
      ]
        .filter((line, index, lines) => line !== "" || index === 0 || index === lines.length - 1)
        .join("\n"),
    );
  } catch (error) {
    process.stderr.write(`Could not start: ${error.message}\n`);
    stopAll(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serveSystem();
