// The scopes `pnpm mutation` knows (MUTATE=<name>): what Stryker mutates, which tests may kill the
// mutants, and whether those tests store in Postgres. Read by stryker.config.mjs, by
// vitest.mutation.config.ts and by scripts/mutation.mjs, so the three agree.

export const scopes = {
  // The domain, judged by its own table-driven tests only: a mutant that only a BFF test notices
  // is still a gap in the domain's tests.
  loyalty: {
    mutate: ["packages/loyalty/src/**/*.ts", "!**/*.test.ts", "!packages/loyalty/src/program-fixture.ts"],
    tests: ["packages/loyalty/src/**/*.test.ts"],
    database: false,
    ignoreStatic: false,
  },
  // The clients' HTTP core, likewise by its own tests (real servers on loopback that misbehave), not
  // by the clients' contract tests that also run through it.
  "upstream-http": {
    mutate: ["packages/upstream-http/src/**/*.ts", "!**/*.test.ts"],
    tests: ["packages/upstream-http/src/**/*.test.ts"],
    database: false,
    ignoreStatic: false,
  },
  // A BFF module is judged by the tests in its own folder, as the domain is: a mutant that only a
  // route's or another module's test notices counts as a gap (nearly every BFF test reaches these
  // modules through the app, and the whole BFF suite is far too slow to run per mutant). Its static
  // mutants (module-level code: SQL text, constants) are left out: each would rerun every related
  // integration test, minutes apiece, where a mutant in a function reruns only the tests that ran it.
  member: {
    mutate: ["apps/bff/src/member/**/*.ts", "!**/*.test.ts"],
    tests: ["apps/bff/src/member/**/*.test.ts"],
    database: true,
    ignoreStatic: true,
  },
  manager: {
    mutate: ["apps/bff/src/manager/**/*.ts", "!**/*.test.ts"],
    tests: ["apps/bff/src/manager/**/*.test.ts"],
    database: true,
    ignoreStatic: true,
  },
  "live-push": {
    mutate: ["apps/bff/src/live-push/**/*.ts", "!**/*.test.ts", "!**/*-fixture.ts", "!**/*-fixtures.ts"],
    tests: ["apps/bff/src/live-push/**/*.test.ts"],
    database: true,
    ignoreStatic: true,
  },
};

/**
 * The scope MUTATE names (loyalty when unset); throws, naming the choices, on an unknown one.
 * MUTATION_TESTS (comma-separated globs) narrows the tests that judge it, e.g. to leave out the
 * whole-system tests on a machine too busy for their deadlines.
 */
export function scopeFromEnv(env = process.env) {
  const name = env.MUTATE || "loyalty";
  const scope = scopes[name];
  if (!scope) throw new Error(`MUTATE=${name} is not a scope; use one of: ${Object.keys(scopes).join(", ")}`);
  return { name, ...scope, ...(env.MUTATION_TESTS && { tests: env.MUTATION_TESTS.split(",") }) };
}
