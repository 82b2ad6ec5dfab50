import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../testing/databases.ts";
import { openDatabase } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { MIGRATIONS_DIR, migrate } from "./migrate.ts";

describe("migrations", () => {
  it("apply every file once, in order, and create the tables", async () => {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url });
    try {
      const first = await migrate(db);
      expect(first.slice(0, 2)).toEqual(["0001-sessions", "0002-live-push"]);
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          "login_states",
          "member_profiles",
          "schema_migrations",
          "sessions",
          "tier_history",
        ]),
      );
    } finally {
      await db.close();
      await created.drop();
    }
  });

  it("run once when several instances start together", async () => {
    const created = await createPostgresDatabase();
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: created.url })));
    try {
      const applied = await Promise.all(instances.map((db) => migrate(db)));
      const all = applied.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBeGreaterThan(2);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
      await created.drop();
    }
  });

  it("roll a failing migration back entirely", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-migrations-"));
    writeFileSync(join(dir, "0001-good.sql"), "create table a (id int);\n");
    writeFileSync(join(dir, "0002-bad.sql"), "create table b (id int);\nselect * from no_such_table;\n");
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url });
    try {
      await expect(migrate(db, dir)).rejects.toThrow(/no_such_table/);
      expect(await db.query("select version from schema_migrations")).toEqual([{ version: "0001-good" }]);
      expect(await db.query("select to_regclass('b') as b")).toEqual([{ b: null }]);
    } finally {
      await db.close();
      await created.drop();
    }
  });

  it("ship migrations the real directory holds", () => {
    expect(MIGRATIONS_DIR).toMatch(/apps\/bff\/migrations$/);
  });
});

describe("the embedded database in DATA_DIR", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "portal-db-"));
  chmodSync(dataDir, 0o755); // the database may run as another user (as root: `postgres`)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is durable (fsync and synchronous commit on), keeps its data across a crash, and keeps its password out of the log", async () => {
    const first = await startEmbeddedPostgres({ dataDir, log: () => {} });
    let db = await openDatabase({ databaseUrl: first.url });
    try {
      expect(
        await db.query(
          "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc",
        ),
      ).toEqual([{ fsync: "on", sc: "on" }]);
      await migrate(db);
      await db.query(
        "insert into sessions (id_hash, sub, crowdtwist_user_id, created_at, last_seen_at, expires_at) values ('h', 'ava', 'ava', now(), now(), now())",
      );
    } finally {
      await db.close();
    }
    // The server dies at once, as the machine losing power would take it: what was committed stays.
    first.crash();
    first.stop();
    const again = await startEmbeddedPostgres({ dataDir, log: () => {} });
    db = await openDatabase({ databaseUrl: again.url });
    try {
      expect(await migrate(db)).toEqual([]);
      expect(await db.query("select sub from sessions")).toEqual([{ sub: "ava" }]);
    } finally {
      await db.close();
      again.stop();
    }
    const password = decodeURIComponent(new URL(again.url).password);
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(readFileSync(join(dataDir, "postgres.log"), "utf8")).not.toContain(password);
  });

  it("stops a server that a killed portal left running, and starts again on the same data", async () => {
    const orphan = await startEmbeddedPostgres({ dataDir, log: () => {} });
    const orphanPid = Number(
      readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
    );
    // The portal that started it is gone without stopping it: the next start finds it running.
    const next = await startEmbeddedPostgres({ dataDir, log: () => {} });
    try {
      expect(running(orphanPid)).toBe(false);
      const db = await openDatabase({ databaseUrl: next.url });
      expect(await db.query("select sub from sessions")).toEqual([{ sub: "ava" }]);
      await db.close();
    } finally {
      next.stop();
      orphan.stop();
    }
  });

  it("refuses to take over a database another running portal is using", async () => {
    const running = await startEmbeddedPostgres({ dataDir, log: () => {} });
    const inUse = await openDatabase({ databaseUrl: running.url });
    try {
      await inUse.query("select 1");
      await expect(startEmbeddedPostgres({ dataDir, log: () => {} })).rejects.toThrow(
        /in use by another running portal/,
      );
      // Still serving its own portal.
      expect(await inUse.query("select sub from sessions")).toEqual([{ sub: "ava" }]);
    } finally {
      await inUse.close();
      running.stop();
    }
  });

  it("refuses connections without its password", async () => {
    const server = await startEmbeddedPostgres({ dataDir, log: () => {} });
    try {
      const wrong = new URL(server.url);
      wrong.password = "not-the-password";
      await expect(openDatabase({ databaseUrl: wrong.toString() })).rejects.toThrow(
        /password authentication failed/,
      );
    } finally {
      server.stop();
    }
  });
});

/** Whether a process runs (a zombie, stopped and not yet reaped by its parent, does not). */
function running(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}
