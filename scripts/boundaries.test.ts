import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The workspace's boundaries (.dependency-cruiser.cjs), as a test: the repository breaks none of
// them, and a miniature of it that breaks each once (scripts/boundaries-fixture) is caught by every
// rule, so that a rule which could never fire is noticed.

const root = join(import.meta.dirname, "..");
const config = join(root, ".dependency-cruiser.cjs");
// The package exports no path to its command; the workspace root's node_modules holds it.
const cli = join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruiser.mjs");
const RULES: string[] = (
  createRequire(import.meta.url)(config) as { forbidden: { name: string }[] }
).forbidden.map((rule) => rule.name);

interface Violation {
  rule: string;
  from: string;
  to: string;
}

function cruise(cwd: string, folders: string[]): Violation[] {
  const run = spawnSync(process.execPath, [cli, "--config", config, "--output-type", "json", ...folders], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`dependency-cruiser did not answer: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return result.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }));
}

describe("workspace boundaries", () => {
  const found = cruise(root, ["apps", "packages", "bench", "e2e"]);

  it.each(RULES)("the workspace keeps %s", (rule) => {
    expect(
      found.filter((violation) => violation.rule === rule).map(({ from, to }) => `${from} → ${to}`),
    ).toEqual([]);
  });

  const fixture = cruise(join(root, "scripts", "boundaries-fixture"), ["apps", "packages", "bench", "e2e"]);

  it.each(RULES)("%s catches its breach in the miniature", (rule) => {
    expect(fixture.some((violation) => violation.rule === rule)).toBe(true);
  });

  it("lets the web import the BFF's types", () => {
    expect(fixture.filter((violation) => violation.from === "apps/web/src/typed.ts")).toEqual([]);
  });

  it("lets a client use the HTTP core", () => {
    expect(fixture.filter((violation) => violation.from === "packages/alida/src/a.ts")).toEqual([]);
  });
});
