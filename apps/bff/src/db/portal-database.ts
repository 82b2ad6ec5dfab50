import type { Logger } from "pino";
import { type Database, openDatabase } from "./database.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres.ts";
import { migrate } from "./migrate.ts";

// The database the portal runs on, migrated: the one DATABASE_URL names or, without it, its own
// PostgreSQL in DATA_DIR, which `close` stops (ADR 0022).

export interface PortalDatabase {
  db: Database;
  /** For what needs a connection of its own (the cluster bus listens on one). */
  databaseUrl: string;
  /** Closes the pool, then stops the embedded PostgreSQL, if the portal started one. */
  close(): Promise<void>;
}

export async function openPortalDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  logger: Logger;
}): Promise<PortalDatabase> {
  const { logger } = options;
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: (line) => logger.info(line) });
    databaseUrl = embedded.url;
  }
  const db = await openDatabase({
    databaseUrl,
    onIdleConnectionError: (err) => logger.warn({ err }, "the database dropped an idle connection"),
  }).catch((error: unknown) => {
    embedded?.stop();
    throw error;
  });
  await migrate(db);
  return {
    db,
    databaseUrl,
    async close() {
      await db.close();
      embedded?.stop();
    },
  };
}
