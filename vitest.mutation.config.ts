import { defineConfig } from "vitest/config";
import { scopeFromEnv } from "./scripts/mutation-scopes.mjs";
import base from "./vitest.config.ts";

// The Vitest config Stryker's runner loads (stryker.config.mjs): the suite's own config, narrowed to
// the tests that judge the scope MUTATE names. Stryker's own `testFiles` option would narrow them
// too, but with it set Stryker activates static mutants (module-level constants) only after the
// module has loaded, so they all survive.
const scope = scopeFromEnv();

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: scope.tests,
    // The domain's tests store nothing: no Postgres to start for them.
    ...(scope.database ? {} : { globalSetup: [] }),
  },
});
