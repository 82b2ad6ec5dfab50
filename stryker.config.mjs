// Mutation testing (Stryker with its Vitest runner), run on demand by `pnpm mutation`
// (scripts/mutation.mjs), never by `npm test`. One scope per Stryker run, named by MUTATE (see
// scripts/mutation-scopes.mjs); each scope keeps its own incremental file, so a rerun tests only
// the mutants whose code or tests changed. See docs/testing.md and docs/decisions/0036-*.md.
import { scopeFromEnv } from "./scripts/mutation-scopes.mjs";

const scope = scopeFromEnv();
const reports = `reports/mutation/${scope.name}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // Narrows the suite to the scope's tests (not Stryker's `testFiles`: see that file's comment).
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  // MUTATE_FILES (comma-separated, `file:line-line` ranges allowed) narrows a run to some files.
  mutate: process.env.MUTATE_FILES ? process.env.MUTATE_FILES.split(",") : scope.mutate,
  ignoreStatic: scope.ignoreStatic,
  // Two cores, shared: one worker unless MUTATION_CONCURRENCY says otherwise.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  // Integration tests start servers; give a slow mutant room before calling it a timeout.
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { reportTests: false, reportMutants: false },
  // Stryker's tsconfig rewriting loads TypeScript's JavaScript API, which TypeScript 7 no longer
  // has. The sandbox sits inside the repository, so the relative paths in our tsconfig files stay
  // right without it: naming a file that does not exist turns that step off. Vitest strips types
  // and never type-checks, so there is no checker either: a mutant that would not compile runs and
  // is killed or survives on what the tests see.
  tsconfigFile: "stryker-skips-tsconfig-rewriting.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // Only what the tests read is copied into the sandbox; every node_modules folder is linked.
  ignorePatterns: [
    "/.cache",
    "/data",
    "/docs",
    "/e2e",
    "/bench",
    "/deploy",
    "/reports",
    "/test-results",
    "/playwright-report",
    "coverage",
  ],
};
