// `npm start`, after the bootstrap: build the web app when its sources changed, then run everything.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveSystem } from "./serve.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const web = join(root, "apps", "web");

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function webBuildIsCurrent() {
  const built = join(web, "dist", "index.html");
  if (!existsSync(built)) return false;
  const sources = ["src", "index.html", "vite.config.ts", "package.json"].map((name) => join(web, name));
  return statSync(built).mtimeMs >= Math.max(...sources.filter(existsSync).map(newestMtime));
}

export function buildWeb() {
  const result = spawnSync("pnpm", ["--filter", "@portal/web", "build"], { cwd: root, stdio: "inherit" });
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!webBuildIsCurrent()) {
    console.log("Building the web app…");
    const status = buildWeb();
    if (status !== 0) process.exit(status);
  }
  await serveSystem();
}
