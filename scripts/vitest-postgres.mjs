// Vitest globalSetup: gives the Postgres variants of the storage tests a server. `npm test` starts
// one and passes TEST_DATABASE_URL; a hand-run `npx vitest run` gets a throwaway one started here.
// If that fails, the reason is handed to the tests, so the Postgres ones fail with it (never skip)
// while the rest of the suite still runs.
import { startPostgres } from "./postgres.mjs";

export default async function setup(project) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("testDatabaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  try {
    const postgres = await startPostgres();
    project.provide("testDatabaseUrl", postgres.url);
    return () => postgres.stop();
  } catch (error) {
    project.provide("testDatabaseError", error instanceof Error ? error.message : String(error));
  }
}
