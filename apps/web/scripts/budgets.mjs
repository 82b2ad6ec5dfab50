// Size budgets for the member home, checked on the built app (apps/web/dist):
// - initial JS (the entry script in index.html, its modulepreloads and every static import they pull in) ≤ 120 KiB gzip
// - CSS linked from index.html ≤ 15 KiB gzip
// - the manager chunk exists and is not part of that initial download (it must stay behind `lazy()`).
// Exits 1 on any breach. Usage: node apps/web/scripts/budgets.mjs [distDir]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const KIB = 1024;
const BUDGETS = { js: 120 * KIB, css: 15 * KIB };
const MANAGER_CHUNK = /^manager-preview-[\w-]+\.js$/;

const dist = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist"));
const indexFile = join(dist, "index.html");
if (!existsSync(indexFile)) {
  console.error(
    `budgets: ${indexFile} not found; build the web app first (pnpm --filter @portal/web build).`,
  );
  process.exit(1);
}
const html = readFileSync(indexFile, "utf8");

const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1] ?? null;
const tags = (name) => html.match(new RegExp(`<${name}\\b[^>]*>`, "g")) ?? [];
const local = (url) => url && !/^[a-z]+:|^\/\//i.test(url);
const toFile = (url) => join(dist, url.replace(/^\//, ""));

const entryScripts = tags("script")
  .filter((tag) => attr(tag, "type") === "module")
  .map((tag) => attr(tag, "src"))
  .filter(local);
const preloads = tags("link")
  .filter((tag) => attr(tag, "rel") === "modulepreload")
  .map((tag) => attr(tag, "href"))
  .filter(local);
const stylesheets = tags("link")
  .filter((tag) => attr(tag, "rel") === "stylesheet")
  .map((tag) => attr(tag, "href"))
  .filter(local);

// Static imports and re-exports in minified ESM; `import("…")` (a lazy chunk) deliberately does not match.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

const initial = new Map(); // url path → file
const queue = [...entryScripts, ...preloads];
while (queue.length > 0) {
  const url = queue.shift();
  if (initial.has(url)) continue;
  const file = toFile(url);
  if (!existsSync(file)) {
    console.error(`budgets: ${url} is referenced but missing from dist`);
    process.exit(1);
  }
  initial.set(url, file);
  for (const match of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
    queue.push(posix.join(posix.dirname(url), match[1]));
  }
}

const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sum = (files) => files.reduce((total, file) => total + gzipped(file), 0);
const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;

const jsBytes = sum([...initial.values()]);
const cssBytes = sum(stylesheets.map(toFile));
const failures = [];

if (entryScripts.length === 0) failures.push("index.html has no module script");
if (jsBytes > BUDGETS.js) failures.push(`initial JS is ${kib(jsBytes)} gzip, over ${kib(BUDGETS.js)}`);
if (cssBytes > BUDGETS.css) failures.push(`CSS is ${kib(cssBytes)} gzip, over ${kib(BUDGETS.css)}`);

const assets = existsSync(join(dist, "assets")) ? readdirSync(join(dist, "assets")) : [];
const managerChunks = assets.filter((name) => MANAGER_CHUNK.test(name));
if (managerChunks.length === 0) {
  failures.push("no manager-preview-*.js chunk: the manager area is no longer split into its own lazy chunk");
}
for (const name of managerChunks) {
  if (html.includes(name)) failures.push(`index.html references the manager chunk ${name}`);
  if ([...initial.keys()].some((url) => url.endsWith(`/${name}`))) {
    failures.push(`the manager chunk ${name} is statically imported by the initial JS`);
  }
}

console.log(`budgets: initial JS ${kib(jsBytes)} gzip (${initial.size} file(s), budget ${kib(BUDGETS.js)})`);
console.log(`budgets: CSS ${kib(cssBytes)} gzip (${stylesheets.length} file(s), budget ${kib(BUDGETS.css)})`);
console.log(`budgets: manager chunk ${managerChunks.join(", ") || "missing"} (lazy)`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`budgets: FAIL ${failure}`);
  process.exit(1);
}
console.log("budgets: ok");
