import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../testing/databases.ts";
import { openDatabase } from "./database.ts";
import { MIGRATIONS_DIR, migrate } from "./migrate.ts";

describe("migrations on PGlite", () => {
  it("apply every file once, in order, and create the tables", async () => {
    const db = await openDatabase({ dataDir: "memory://" });
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
    await db.close();
  });

  it("keep the data on disk across a reopen", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "portal-db-"));
    const db = await openDatabase({ dataDir });
    await migrate(db);
    await db.query(
      "insert into sessions (id_hash, sub, crowdtwist_user_id, created_at, last_seen_at, expires_at) values ('h', 'ava', 'ava', now(), now(), now())",
    );
    await db.close();
    const again = await openDatabase({ dataDir });
    expect(await migrate(again)).toEqual([]);
    expect(await again.query("select sub from sessions")).toEqual([{ sub: "ava" }]);
    await again.close();
  });

  it("roll a failing migration back entirely", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-migrations-"));
    writeFileSync(join(dir, "0001-good.sql"), "create table a (id int);\n");
    writeFileSync(join(dir, "0002-bad.sql"), "create table b (id int);\nselect * from no_such_table;\n");
    const db = await openDatabase({ dataDir: "memory://" });
    await expect(migrate(db, dir)).rejects.toThrow(/no_such_table/);
    const tables = await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual(["a", "schema_migrations"]);
    expect(await db.query("select version from schema_migrations")).toEqual([{ version: "0001-good" }]);
    await db.close();
  });

  it("ship migrations the real directory holds", () => {
    expect(MIGRATIONS_DIR).toMatch(/apps\/bff\/migrations$/);
  });
});

describe("migrations on Postgres", () => {
  it("apply every file once and create the same tables", async () => {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url, dataDir: "unused" });
    try {
      const [pglite, postgres] = [await openDatabase({ dataDir: "memory://" }), db];
      const applied = await migrate(postgres);
      expect(applied).toEqual(await migrate(pglite));
      expect(await migrate(postgres)).toEqual([]);
      const tables =
        "select table_name from information_schema.tables where table_schema = 'public' order by 1";
      expect(await postgres.query(tables)).toEqual(await pglite.query(tables));
      await pglite.close();
    } finally {
      await db.close();
      await created.drop();
    }
  });

  it("roll a failing migration back entirely", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-migrations-"));
    writeFileSync(join(dir, "0001-good.sql"), "create table a (id int);\n");
    writeFileSync(join(dir, "0002-bad.sql"), "create table b (id int);\nselect * from no_such_table;\n");
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url, dataDir: "unused" });
    try {
      await expect(migrate(db, dir)).rejects.toThrow(/no_such_table/);
      expect(await db.query("select version from schema_migrations")).toEqual([{ version: "0001-good" }]);
      expect(await db.query("select to_regclass('b') as b")).toEqual([{ b: null }]);
    } finally {
      await db.close();
      await created.drop();
    }
  });
});
