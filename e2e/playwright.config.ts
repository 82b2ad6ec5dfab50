import { defineConfig } from "@playwright/test";
import { PORTAL_URL, SANDBOX_URL, systemEnv } from "./system.ts";

const LAST = /(member-live|sandbox)\.spec\.ts$/;

// Drives the whole system (sandbox + BFF + built web app) in Debian's Chromium. Playwright's own
// browser downloads are never used: the tests run the machine's /usr/bin/chromium.
export default defineConfig({
  testDir: "tests",
  outputDir: "../.cache/test-results/e2e-artifacts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "../.cache/test-results/e2e.json" }],
  ],
  use: {
    baseURL: PORTAL_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Two specs move ava up a tier, which the BFF keeps in its database even after the sandbox resets
  // (the reset profile is older than the pushed one): the live spec (which also trips CrowdTwist's
  // breaker) and the sandbox spec. They run after everything else, in that order (files run
  // alphabetically), as the teardown project of the rest, which runs whatever the rest's results.
  projects: [
    { name: "portal", testIgnore: LAST, teardown: "last" },
    { name: "last", testMatch: LAST },
  ],
  webServer: {
    command: "node ../scripts/serve.mjs",
    url: `${PORTAL_URL}/api/health`,
    env: systemEnv,
    reuseExistingServer: false,
    timeout: 60_000,
    // The launcher stops the portal, the sandbox and the embedded database it started.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
  metadata: { sandbox: SANDBOX_URL },
});
