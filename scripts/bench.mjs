#!/usr/bin/env node
// `npm run bench` (or `node scripts/bootstrap.mjs bench`): the BFF's performance budgets, measured
// on loopback against baselines from the same run. See docs/performance.md. Exits 0 unless the
// harness itself fails: a MISS is printed, not thrown. BENCH_SECONDS (default 10) sets each run's length.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [major] = process.versions.node.split(".").map(Number);
// The bench is TypeScript that Node 24 runs as is; under an older Node, use the one the bootstrap fetched.
const toolchainNode = join(
  root,
  ".cache",
  "toolchain",
  "node-24.21.0",
  "node_modules",
  `node-${process.platform}-${process.arch}`,
  "bin",
  "node",
);
const node = major >= 24 ? process.execPath : existsSync(toolchainNode) ? toolchainNode : null;
if (!node) {
  console.error(
    `bench needs Node 24 (this is ${process.version}); run \`node scripts/bootstrap.mjs bench\`.`,
  );
  process.exit(1);
}
const result = spawnSync(node, [join(root, "bench", "main.ts")], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
