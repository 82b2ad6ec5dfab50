import { defineConfig } from "vitest/config";
import { scopeFromEnv } from "./scripts/mutation-scopes.mjs";
import base from "./vitest.config.ts";

// The Vitest config Stryker's runner loads (stryker.config.mjs): the suite's own, narrowed to the
// tests that judge the scope MUTATE names. Stryker's own `testFiles` option would narrow them too,
// but with it set Stryker activates static mutants (module-level constants) only after the module
// has loaded, so every one of them survives.
const scope = scopeFromEnv();

export default defineConfig({
  ...base,
  // The web's message macros (the Lingui plugin) serve only the web's tests, which no scope runs;
  // without them a test file loads about three times faster, and Stryker loads files thousands of times.
  plugins: [],
  test: {
    ...base.test,
    include: scope.tests,
    // The domain's tests store nothing: no Postgres to start for them.
    ...(scope.database ? {} : { globalSetup: [] }),
  },
});
