import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

// One small query interface over both stores: the embedded PGlite (files under DATA_DIR) and a real
// Postgres (DATABASE_URL). The SQL is the same for both; the migrations prove it on each.

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs statements that take no parameters (several may be separated by semicolons). */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function fromPglite(db: PGlite): Database {
  return {
    kind: "pglite",
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, [...params])).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, [...params])).rows;
          },
        }),
      );
    },
    close: () => db.close(),
  };
}

function fromPostgres(pool: pg.Pool): Database {
  return {
    kind: "postgres",
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query<T>(sql, [...params])).rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      let released = false;
      try {
        await client.query("begin");
        const result = await work({
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await client.query<T>(sql, [...params])).rows;
          },
        });
        await client.query("commit");
        return result;
      } catch (error) {
        // A broken connection cannot roll back; the original error is the one worth reporting, and
        // the connection is destroyed rather than handed to the next caller.
        const rolledBack = await client.query("rollback").then(
          () => true,
          () => false,
        );
        released = true;
        client.release(rolledBack ? undefined : true);
        throw error;
      } finally {
        if (!released) client.release();
      }
    },
    close: () => pool.end(),
  };
}

export interface DatabaseOptions {
  /** A Postgres connection string; when absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` for a throwaway database. */
  dataDir: string;
  /** Told when the server drops an idle pooled connection (Postgres only). */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // A request must not queue for a connection longer than it may take as a whole.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 2_000,
    });
    // An idle connection the server dropped (restart, failover) is reported here; without a listener
    // the process would crash. The pool discards it and the next query opens a new one.
    pool.on("error", (error) => options.onIdleConnectionError?.(error));
    await pool.query("select 1");
    return fromPostgres(pool);
  }
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  // Postgres' default 128 MB of shared buffers is sized for a server; the embedded database holds a
  // few small tables, and 8 MB takes ~170 MB off the process's resident memory at no measured cost.
  return fromPglite(
    await PGlite.create(options.dataDir, {
      startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=8MB"],
    }),
  );
}
