import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";

// Every test that stores gets a fresh database under a unique name on the test Postgres server (the
// embedded one `npm test` starts), so test files running in parallel never share rows.

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl?: string;
    testDatabaseError?: string;
  }
}

/** The Postgres server the tests use; fails loudly (never skips) when there is none. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? inject("testDatabaseUrl");
  if (url) return url;
  const why = inject("testDatabaseError") ?? "no server was started";
  throw new Error(
    `This test needs a Postgres server (${why}). Run \`npm test\`, which starts a throwaway Postgres, or set TEST_DATABASE_URL to a Postgres whose user may create databases.`,
  );
}

export interface TestDatabase {
  db: Database;
  /** `DATABASE_URL` for a BFF that should use the same database. */
  url: string;
  close(): Promise<void>;
}

/** A fresh, migrated database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const created = await createPostgresDatabase();
  const db = await openDatabase({ databaseUrl: created.url });
  await migrate(db);
  return {
    db,
    url: created.url,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

/** An empty database on the test server, for a test that connects to it by URL. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = testServerUrl();
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
