import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The ports and secrets of the system the end-to-end tests start. Ports differ from `npm start`'s
// so that the tests can run beside a portal someone is using.
export const PORTAL_PORT = Number(process.env.E2E_PORT ?? 3100);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const PORTAL_URL = `http://localhost:${PORTAL_PORT}`;
export const SANDBOX_URL = `http://localhost:${SANDBOX_PORT}`;
export const CROWDTWIST_API_KEY = "e2e-crowdtwist-key-0123456789";

/** How long the BFF treats cached upstream answers as fresh; short, so a test can outlive it. */
export const CACHE_FRESH_SECONDS = 1;

const DATA_PREFIX = "portal-e2e-data-";
const LEFTOVER_AGE_MS = 6 * 3_600_000;

/**
 * A fresh database directory per run: the BFF stores every pushed profile, so a run that moves ava
 * to Silver would otherwise start the next one with her there. The config and the test workers
 * both import this file; the first import (Playwright's main process) creates the directory and the
 * workers inherit it through the environment. Directories of runs long finished are swept here,
 * since nothing else outlives the BFF to remove its files.
 */
function runDataDir(): string {
  const existing = process.env.E2E_DATA_DIR;
  if (existing) return existing;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DATA_PREFIX)) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > LEFTOVER_AGE_MS)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // another run's directory, gone or busy: not ours to worry about
    }
  }
  const created = mkdtempSync(join(tmpdir(), DATA_PREFIX));
  chmodSync(created, 0o755); // the embedded database may run as another user (as root: `postgres`)
  process.env.E2E_DATA_DIR = created;
  return created;
}

export const DATA_DIR = runDataDir();

export const systemEnv: Record<string, string> = {
  PORT: String(PORTAL_PORT),
  SANDBOX_PORT: String(SANDBOX_PORT),
  CROWDTWIST_API_KEY,
  NODE_ENV: "test",
  DATA_DIR,
  CACHE_FRESH_SECONDS: String(CACHE_FRESH_SECONDS),
  // Every spec signs in from 127.0.0.1, dozens of times a minute: the sign-in limit is tested by the
  // integration tests, not here.
  LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
};
