import { createPostgresDatabase, type DatabaseKind } from "./databases.ts";
import { startTestSystem, type TestSystem } from "./system.ts";

// The test system on either store the storage tests cover: the embedded PGlite (in memory) or a
// fresh, uniquely named database on the test Postgres server, dropped again on close.

export async function startTestSystemOn(
  kind: DatabaseKind,
  envOverrides: Record<string, string> = {},
): Promise<TestSystem> {
  if (kind === "pglite") return startTestSystem(envOverrides);
  const database = await createPostgresDatabase();
  const system = await startTestSystem({ ...envOverrides, DATABASE_URL: database.url }).catch(
    async (error: unknown) => {
      await database.drop();
      throw error;
    },
  );
  return {
    ...system,
    async close() {
      await system.close();
      await database.drop();
    },
  };
}
