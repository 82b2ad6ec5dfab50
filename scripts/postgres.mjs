// A throwaway Postgres for tests and benchmarks: initdb into a temp dir, start it on a free port with
// its unix socket in that dir (no TCP listener, trust auth), and stop it and delete the dir at the end.
// Installs Debian's postgresql with apt-get when no server binaries are found.
//
//   import { startPostgres } from "./postgres.mjs";
//   const pg = await startPostgres();   // pg.url: postgresql://postgres@localhost:<port>/postgres?host=<dir>
//   ...
//   pg.stop();
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aptInstall } from "./apt.mjs";

const DEBIAN_PG = "/usr/lib/postgresql";

function findBinDir() {
  if (!existsSync(DEBIAN_PG)) return null;
  const versions = readdirSync(DEBIAN_PG)
    .filter((v) => existsSync(join(DEBIAN_PG, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_PG, versions[0], "bin") : null;
}

function install(log) {
  log("no Postgres server found under /usr/lib/postgresql; installing it with apt-get");
  if (!aptInstall("postgresql", log)) {
    throw new Error("Could not install postgresql with apt-get (root or passwordless sudo is needed).");
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` system user. */
function serverUser() {
  if (process.getuid?.() !== 0) return {};
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("Running as root, but there is no `postgres` user to run the server as.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a fresh cluster and resolves to `{ url, dir, port, stop }`. `stop()` is synchronous so it can
 * run from an exit handler; it is safe to call twice.
 */
export async function startPostgres({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  let bin = findBinDir();
  if (!bin) {
    install(log);
    bin = findBinDir();
    if (!bin) throw new Error("postgresql was installed but no initdb is under /usr/lib/postgresql/*/bin.");
  }
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), "portal-pg-"));
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const port = await freePort();
  const run = (cmd, args) => {
    const result = spawnSync(join(bin, cmd), args, { ...user, cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    if (result.status !== 0) {
      const detail = `${result.stdout?.toString() ?? ""}${result.stderr?.toString() ?? ""}`;
      throw new Error(`${cmd} failed (${result.error?.message ?? `exit ${result.status}`}):\n${detail}`);
    }
  };

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, "postmaster.pid"))) {
      spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], {
        ...user,
        stdio: "ignore",
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // fsync off: the cluster is deleted at the end, so durability would only cost time.
  const options = `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c max_connections=200`;
  const start = () =>
    run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
    start();
  } catch (error) {
    stop();
    throw error;
  }
  const url = `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
  log(`throwaway Postgres (${bin}) listening on ${join(dir, `.s.PGSQL.${port}`)}`);
  /** For fault tests: the server dies at once (every connection cut), then comes back on the same port. */
  const crash = () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  return { url, dir, port, stop, crash, start };
}
