#!/usr/bin/env node
// `pnpm mutation` (or `node scripts/bootstrap.mjs mutation`): how strong the tests are, measured by
// Stryker on demand, like the benchmarks; `npm test` never runs it. MUTATE=loyalty|upstream-http|
// member|manager|live-push picks one scope (default: all, one after another); MUTATE_FILES narrows
// to some files, MUTATION_TESTS to some tests; MUTATION_CONCURRENCY sets Stryker's workers (default
// 1). Other arguments go to `stryker run` (`--force` retests every mutant, not only those whose code
// or tests changed). Reports land in reports/mutation/<scope>/ (index.html, mutation.json) beside
// the incremental file that makes a rerun cheap. See docs/testing.md.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scopeFromEnv, scopes } from "./mutation-scopes.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  console.error(
    `mutation needs Node 24 (this is ${process.version}); run \`node scripts/bootstrap.mjs mutation\`.`,
  );
  process.exit(1);
}
const stryker = join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
if (!existsSync(stryker)) {
  console.error("Stryker is not installed; run `pnpm install --frozen-lockfile` first.");
  process.exit(1);
}

let names;
try {
  names = process.env.MUTATE ? [scopeFromEnv().name] : Object.keys(scopes);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

/** Stryker's score: killed and timed-out mutants over all that compiled and ran (or had no test). */
function score(reportPath) {
  if (!existsSync(reportPath)) return null;
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) if (mutant.status in count) count[mutant.status] += 1;
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  return { ...count, valid, percent: valid === 0 ? 100 : (100 * detected) / valid };
}

// One Postgres for every scope whose tests store, shared by all of Stryker's workers (each test
// makes its own database on it). Started here, not by each worker's Vitest, so a worker Stryker
// kills on a timeout leaves no server behind.
let postgres = null;
const env = { ...process.env };
if (!env.TEST_DATABASE_URL && names.some((name) => scopes[name].database)) {
  const { startPostgres } = await import("./postgres.mjs");
  postgres = await startPostgres({ log: (line) => process.stdout.write(`${line}\n`) });
  env.TEST_DATABASE_URL = postgres.url;
  process.once("exit", () => postgres.stop());
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      postgres.stop();
      process.exit(130);
    });
  }
}

const results = [];
for (const name of names) {
  process.stdout.write(`\n── mutation testing: ${name} ${"─".repeat(Math.max(0, 50 - name.length))}\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [stryker, "run", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, MUTATE: name },
  });
  const minutes = (Date.now() - started) / 60_000;
  results.push({
    name,
    status: run.status ?? 1,
    minutes,
    score: score(join(root, "reports", "mutation", name, "mutation.json")),
  });
}
postgres?.stop();

process.stdout.write("\n── mutation scores ───────────────────────────────────────────\n");
for (const { name, status, minutes, score: s } of results) {
  const figure = s
    ? `${s.percent.toFixed(1)} % (${s.Killed + s.Timeout} of ${s.valid} mutants killed, ${s.Survived} survived, ${s.NoCoverage} untested)`
    : "no report";
  const failed = status === 0 ? "" : `, Stryker exited ${status}`;
  process.stdout.write(`${name.padEnd(10)} ${figure} in ${minutes.toFixed(1)} min${failed}\n`);
}
process.stdout.write(`Reports: reports/mutation/<scope>/index.html\n`);
process.exit(results.every((result) => result.status === 0) ? 0 : 1);
