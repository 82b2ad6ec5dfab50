import { lingui } from "@lingui/vite-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The web app's message macros and catalogs, compiled as its build does (apps/web/vite.config.ts).
  plugins: [lingui({ macroTransform: true, configPath: "apps/web/lingui.config.ts" })],
  test: {
    include: ["{apps,packages,scripts}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // A throwaway Postgres for the storage tests' Postgres variants (unless TEST_DATABASE_URL is set).
    globalSetup: ["scripts/vitest-postgres.mjs"],
    // Two files at a time even on 2 cores (Vitest's default is one fewer worker than cores, so one):
    // most files wait on loopback servers and Postgres rather than compute.
    maxWorkers: 2,
    // Integration tests start real servers on loopback; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
