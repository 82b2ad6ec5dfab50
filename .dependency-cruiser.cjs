// The workspace's boundaries (ARCHITECTURE.md "Shape"), checked by `npm test`
// (scripts/boundaries.test.ts) and by `pnpm lint:boundaries`. Tests may cross these lines; product
// code never.

const TEST = "\\.test\\.tsx?$|/testing/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "web-uses-bff-types-only",
      comment: "The browser gets the BFF's types (hc<AppType>, payloads), never its code.",
      severity: "error",
      from: { path: "^apps/web/", pathNot: TEST },
      to: { path: "^apps/bff/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-features-independent",
      comment: "A feature never imports another; what they share moves down to components/ or lib/.",
      severity: "error",
      from: { path: "^apps/web/src/features/([^/]+)/", pathNot: TEST },
      to: { path: "^apps/web/src/features/([^/]+)/", pathNot: "^apps/web/src/features/$1/" },
    },
    {
      name: "routes-are-not-imported-by-services",
      comment: "Routes use services; a service (or anything but the composition) never uses a route.",
      severity: "error",
      from: {
        path: "^apps/bff/src/",
        pathNot: `${TEST}|^apps/bff/src/(routes/|server\\.ts$|app\\.ts$|bff\\.ts$)`,
      },
      to: { path: "^apps/bff/src/routes/" },
    },
    {
      name: "bff-inputs-through-the-shared-validator",
      comment:
        "Every route reads its input through routes/validate.ts, whose refusals are the one error shape with issues by path (ADR 0035).",
      severity: "error",
      from: { path: "^apps/bff/", pathNot: `${TEST}|^apps/bff/src/routes/validate\\.ts$` },
      to: { path: "(^|/)(@hono/zod-validator|hono/dist/(validator|types/validator))/" },
    },
    {
      name: "web-calls-through-lib",
      comment:
        "The web app calls the BFF through lib/ (api-client.ts, api-call.ts): one call, one ApiError, one JSON step (ADR 0035). Types from hono/client are fine anywhere.",
      severity: "error",
      from: { path: "^apps/web/src/", pathNot: `${TEST}|^apps/web/src/lib/` },
      to: { path: "(^|/)hono/dist/(client|types/client)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "loyalty-is-pure",
      comment: "Domain rules only: no I/O, no Node built-ins, no package of ours or anyone's.",
      severity: "error",
      from: { path: "^packages/loyalty/", pathNot: TEST },
      to: { pathNot: "^packages/loyalty/" },
    },
    {
      name: "clients-stand-alone",
      comment:
        "The CrowdTwist and Alida clients depend on no app and on each other not at all; what they share is the HTTP core (packages/upstream-http).",
      severity: "error",
      from: { path: "^packages/(crowdtwist|alida)/", pathNot: TEST },
      to: { path: "^(apps/|packages/(loyalty|crowdtwist|alida)/)", pathNot: "^packages/$1/" },
    },
    {
      name: "http-core-serves-the-clients",
      comment:
        "The clients' HTTP core (sending, deadlines, the base error) knows no client and no app: it is below both clients (ADR 0040).",
      severity: "error",
      from: { path: "^packages/upstream-http/", pathNot: TEST },
      to: { path: "^(apps|packages)/", pathNot: "^packages/upstream-http/" },
    },
    {
      name: "sandbox-written-from-the-documents",
      comment:
        "The stand-in imports none of our clients (nor their HTTP core) or apps, so that the clients' tests against it can fail.",
      severity: "error",
      from: { path: "^apps/sandbox/", pathNot: TEST },
      to: { path: "^(packages/(crowdtwist|alida|loyalty|upstream-http)|apps/(bff|web))/" },
    },
    {
      name: "apps-never-import-the-bench-or-e2e",
      severity: "error",
      from: { path: "^(apps|packages)/" },
      to: { path: "^(bench|e2e)/" },
    },
    {
      name: "bench-through-workspace-packages",
      comment:
        "bench/ reaches the apps as a workspace package (@portal/bff/…), not by relative paths or others' node_modules.",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^apps/", dependencyTypes: ["local"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: { path: "^(apps|packages|bench|e2e)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    // Build output is not source; packages in node_modules stay in the graph as leaves (doNotFollow),
    // so that rules can name them (the shared validator, the typed client).
    exclude: { path: "^(apps|packages)/[^/]+/dist/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
