import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Database } from "./database.ts";

// Versioned SQL files, applied in name order at start, each once, each in its own transaction.
// An advisory lock keeps instances that start together from applying the same file twice.

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../migrations");
const LOCK_ID = 727_001;

export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  // `create table if not exists` is not safe against itself: instances starting together would race
  // on the catalog, so the lock comes first here too.
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [LOCK_ID]);
    await tx.query(
      "create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())",
    );
  });
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}-[a-z0-9-]+\.sql$/.test(name))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, "");
    const sql = readFileSync(join(dir, file), "utf8");
    const done = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [LOCK_ID]);
      const seen = await tx.query("select 1 from schema_migrations where version = $1", [version]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query("insert into schema_migrations (version) values ($1)", [version]);
      return true;
    });
    if (done) applied.push(version);
  }
  return applied;
}

/** Migration files hold plain DDL: statements end with a semicolon at the end of a line. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}
