import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmbeddedPostgres } from "@portal/bff/db/embedded-postgres";
import { pg } from "./deps.ts";

// The PostgreSQL servers of a run (scripts/postgres.mjs): one throwaway cluster (fsync off, unix
// socket) on which every BFF gets a fresh database, and, for the write figures, a durable one (fsync
// on, as `npm start` runs it).

type StartPostgres = (options?: {
  dataDir?: string;
  log?: (line: string) => void;
}) => Promise<EmbeddedPostgres>;

async function startPostgres(options: { dataDir?: string; log: (line: string) => void }) {
  const script = new URL("../scripts/postgres.mjs", import.meta.url).href;
  const { startPostgres: start } = (await import(script)) as { startPostgres: StartPostgres };
  return start(options);
}

export interface BenchPostgres {
  /** The server's own database: for creating others. */
  url: string;
  durable: boolean;
  /** A fresh, empty database on this server (the BFF migrates it). */
  createDatabase(): Promise<string>;
  /** The postmaster's process id (its children are the backends and background workers). */
  postmasterPid(): number;
  stop(): void;
}

export async function startBenchPostgres(options: {
  durable: boolean;
  log: (line: string) => void;
}): Promise<BenchPostgres> {
  // The durable cluster lives in a temp folder of ours; as root the server runs as `postgres`, who
  // must be able to enter it.
  const dataDir = options.durable ? mkdtempSync(join(tmpdir(), "portal-bench-pg-")) : undefined;
  if (dataDir) chmodSync(dataDir, 0o755);
  const server = await startPostgres({ ...(dataDir ? { dataDir } : {}), log: options.log });
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url: server.url,
    durable: options.durable,
    async createDatabase() {
      const name = `bench_${randomBytes(6).toString("hex")}`;
      await admin(`create database ${name}`);
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
    postmasterPid() {
      const pidFile = [join(server.dir, "data", "postmaster.pid"), join(server.dir, "postmaster.pid")].find(
        existsSync,
      );
      if (!pidFile) throw new Error(`no postmaster.pid under ${server.dir}`);
      return Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    },
    stop() {
      server.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
