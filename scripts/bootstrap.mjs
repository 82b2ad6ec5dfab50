#!/usr/bin/env node
// The two root commands (`npm start`, `npm test`) enter here. This file must keep working on
// Node 18+ with nothing but npm: it fetches the pinned Node and pnpm from the npm registry into
// .cache/toolchain when the running ones are too old, installs the workspace from the frozen
// lockfile when node_modules is missing or stale, then hands over to the real script.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const NODE_VERSION = "24.21.0";
const MIN_NODE = [22, 12];

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const toolchain = join(root, ".cache", "toolchain");
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");
const isWindows = process.platform === "win32";

const commands = {
  start: "scripts/start.mjs",
  test: "scripts/test.mjs",
  bench: "scripts/bench.mjs",
  mutation: "scripts/mutation.mjs",
};

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", shell: isWindows, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

// `npm install --prefix` into a private folder: nothing global, only the npm registry.
function npmInstallInto(dir, spec) {
  mkdirSync(dir, { recursive: true });
  const status = run("npm", [
    "install",
    "--prefix",
    dir,
    "--no-save",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    spec,
  ]);
  if (status !== 0) {
    throw new Error(`could not install ${spec} from the npm registry (npm exited ${status})`);
  }
}

function ensureNode() {
  const os = isWindows ? "win" : process.platform;
  const pkg = `node-${os}-${process.arch}`;
  const dir = join(toolchain, `node-${NODE_VERSION}`);
  const bin = isWindows
    ? join(dir, "node_modules", pkg, "bin", "node.exe")
    : join(dir, "node_modules", pkg, "bin", "node");
  if (!existsSync(bin)) {
    log(`Node ${process.versions.node} is older than ${MIN_NODE.join(".")}; fetching ${pkg}@${NODE_VERSION}`);
    npmInstallInto(dir, `${pkg}@${NODE_VERSION}`);
  }
  return bin;
}

function ensurePnpm() {
  const dir = join(toolchain, `pnpm-${pnpmVersion}`);
  const cli = join(dir, "node_modules", "pnpm", "bin", "pnpm.cjs");
  if (!existsSync(cli)) {
    log(`fetching pnpm@${pnpmVersion}`);
    npmInstallInto(dir, `pnpm@${pnpmVersion}`);
  }
  // A `pnpm` on PATH for the scripts we hand over to, bound to this Node and this pnpm.
  const shimDir = join(toolchain, "bin");
  mkdirSync(shimDir, { recursive: true });
  if (isWindows) {
    writeFileSync(join(shimDir, "pnpm.cmd"), `@"${process.execPath}" "${cli}" %*\r\n`);
  } else {
    const shim = join(shimDir, "pnpm");
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
    chmodSync(shim, 0o755);
  }
  return { cli, shimDir };
}

function installIsCurrent() {
  const lock = join(root, "pnpm-lock.yaml");
  const installed = join(root, "node_modules", ".pnpm", "lock.yaml");
  if (!existsSync(installed)) return false;
  return readFileSync(lock, "utf8") === readFileSync(installed, "utf8");
}

function main() {
  const [command, ...rest] = process.argv.slice(2);
  const script = commands[command];
  if (!script) {
    log(`unknown command "${command ?? ""}"; use one of: ${Object.keys(commands).join(", ")}`);
    process.exit(2);
  }

  if (!nodeIsRecentEnough(process.versions.node)) {
    const node = ensureNode();
    const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ""}` };
    process.exit(run(node, [fileURLToPath(import.meta.url), command, ...rest], { env, shell: false }));
  }

  const { cli, shimDir } = ensurePnpm();
  const env = {
    ...process.env,
    PATH: [shimDir, dirname(process.execPath), process.env.PATH ?? ""].join(delimiter),
    // The pnpm on PATH is ours; keep pnpm from switching to another version by itself.
    npm_config_manage_package_manager_versions: "false",
    COREPACK_ENABLE_STRICT: "0",
  };
  if (!installIsCurrent()) {
    log("installing dependencies from the frozen lockfile");
    const status = run(process.execPath, [cli, "install", "--frozen-lockfile"], {
      cwd: root,
      env,
      shell: false,
    });
    if (status !== 0) process.exit(status);
  }
  process.exit(run(process.execPath, [join(root, script), ...rest], { cwd: root, env, shell: false }));
}

try {
  main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
