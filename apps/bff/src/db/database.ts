import pg from "pg";

// The one small query interface over Postgres: the embedded one `npm start` runs in DATA_DIR
// (embedded-postgres.ts) or any other one DATABASE_URL names.

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Names a statement run very often (the Live Push store): each connection then parses and plans
   * it once rather than on every call. One name, one text.
   */
  prepareAs?: string;
}

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs statements that take no parameters (several may be separated by semicolons). */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function fromPostgres(pool: pg.Pool): Database {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
      const values = [...params];
      const query = options.prepareAs
        ? { name: options.prepareAs, text: sql, values }
        : { text: sql, values };
      return (await pool.query<T>(query)).rows;
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
  /** A Postgres connection string. */
  databaseUrl: string;
  /** Told when the server drops an idle pooled connection. */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
  /** Pooled connections (default 10). */
  maxConnections?: number | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // A request must not queue for a connection longer than it may take as a whole.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 2_000,
  });
  // An idle connection the server dropped (restart, failover) is reported here; without a listener
  // the process would crash. The pool discards it and the next query opens a new one.
  pool.on("error", (error) => options.onIdleConnectionError?.(error));
  await pool.query("select 1");
  return fromPostgres(pool);
}
