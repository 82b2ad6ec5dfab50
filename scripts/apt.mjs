// Installs a Debian package the tests need (chromium, haproxy, redis-server) with apt-get, as root or through
// passwordless sudo. The package lists are refreshed once per process, however many packages follow.
import { spawnSync } from "node:child_process";

let listsFresh = false;

function asRoot(args, log) {
  const isRoot = process.getuid?.() === 0;
  const [cmd, ...rest] = isRoot ? args : ["sudo", "-n", ...args];
  const result = spawnSync(cmd, rest, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) log(`${args.join(" ")} failed:\n${result.stderr?.toString() ?? ""}`);
  return result.status === 0;
}

/** Resolves to whether `name` is now installed; says why not through `log`. */
export function aptInstall(name, log = (line) => process.stderr.write(`${line}\n`)) {
  if (!listsFresh) listsFresh = asRoot(["apt-get", "update"], log);
  return listsFresh && asRoot(["apt-get", "install", "-y", name], log);
}
