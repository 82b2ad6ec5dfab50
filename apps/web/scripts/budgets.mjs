// Size budgets for the member home, checked on the built app (apps/web/dist), for each language's page
// (index.html in English, index.<locale>.html for the others, whose catalog it preloads):
// - initial JS (the entry script in the page, its modulepreloads and every static import they pull in) ≤ 120 KiB gzip
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
const pages = readdirSync(dist).filter((name) => /^index(\.[a-z-]+)?\.html$/i.test(name));

const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1] ?? null;
const tagsIn = (html, name) => html.match(new RegExp(`<${name}\\b[^>]*>`, "g")) ?? [];
const local = (url) => url && !/^[a-z]+:|^\/\//i.test(url);
const toFile = (url) => join(dist, url.replace(/^\//, ""));
const urls = (html, tag, rel, name) =>
  tagsIn(html, tag)
    .filter(rel)
    .map((found) => attr(found, name))
    .filter(local);

// Static imports and re-exports in minified ESM; `import("…")` (a lazy chunk) deliberately does not match.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sum = (files) => files.reduce((total, file) => total + gzipped(file), 0);
const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;

const failures = [];
const assets = existsSync(join(dist, "assets")) ? readdirSync(join(dist, "assets")) : [];
const managerChunks = assets.filter((name) => MANAGER_CHUNK.test(name));
if (managerChunks.length === 0) {
  failures.push("no manager-preview-*.js chunk: the manager area is no longer split into its own lazy chunk");
}

for (const page of pages) {
  const html = readFileSync(join(dist, page), "utf8");
  const entryScripts = urls(html, "script", (tag) => attr(tag, "type") === "module", "src");
  const preloads = urls(html, "link", (tag) => attr(tag, "rel") === "modulepreload", "href");
  const stylesheets = urls(html, "link", (tag) => attr(tag, "rel") === "stylesheet", "href");

  const initial = new Map(); // url path → file
  const queue = [...entryScripts, ...preloads];
  while (queue.length > 0) {
    const url = queue.shift();
    if (initial.has(url)) continue;
    const file = toFile(url);
    if (!existsSync(file)) {
      console.error(`budgets: ${url} is referenced by ${page} but missing from dist`);
      process.exit(1);
    }
    initial.set(url, file);
    for (const match of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      queue.push(posix.join(posix.dirname(url), match[1]));
    }
  }

  const jsBytes = sum([...initial.values()]);
  const cssBytes = sum(stylesheets.map(toFile));
  if (entryScripts.length === 0) failures.push(`${page} has no module script`);
  if (jsBytes > BUDGETS.js)
    failures.push(`${page}: initial JS is ${kib(jsBytes)} gzip, over ${kib(BUDGETS.js)}`);
  if (cssBytes > BUDGETS.css)
    failures.push(`${page}: CSS is ${kib(cssBytes)} gzip, over ${kib(BUDGETS.css)}`);
  for (const name of managerChunks) {
    if (html.includes(name)) failures.push(`${page} references the manager chunk ${name}`);
    if ([...initial.keys()].some((url) => url.endsWith(`/${name}`))) {
      failures.push(`${page}: the manager chunk ${name} is statically imported by the initial JS`);
    }
  }
  console.log(
    `budgets: ${page}: initial JS ${kib(jsBytes)} gzip (${initial.size} file(s), budget ${kib(BUDGETS.js)}), CSS ${kib(cssBytes)} gzip (budget ${kib(BUDGETS.css)})`,
  );
}

console.log(`budgets: manager chunk ${managerChunks.join(", ") || "missing"} (lazy)`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`budgets: FAIL ${failure}`);
  process.exit(1);
}
console.log("budgets: ok");
