import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { webAssets } from "@portal/bff/web-assets";
import autocannon from "autocannon";
import { getRequestListener, Hono } from "./deps.ts";

// `node bench/static-assets.ts`: how the BFF serves the built app's hashed assets, measured on
// loopback against a copy of apps/web/dist (build it first). Prints what each probe gets (status,
// headers, bytes: negotiation, HEAD, Range, conditional requests, 404s, traversal and dotfile
// attempts), then load figures for the bundle (br, gzip, none) and a 404: req/s and bytes from
// autocannon, and the server's own CPU time per request (it runs in a child process, read from
// /proc, so the load generator's CPU is not counted). A tool for comparing ways of serving, not a
// test: it exits 0 whatever it finds.

const SECONDS = Number(process.env.BENCH_SECONDS ?? "5");
const CONNECTIONS = 10;

/** The child: the assets middleware as server.ts mounts it, on a free loopback port. */
async function serve(dist: string) {
  const app = new Hono();
  app.use("/assets/*", webAssets(dist));
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
}

/** The server's CPU time so far, in ms (utime + stime, at 100 ticks a second). */
function cpuMsOf(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One raw request (the path exactly as written: no client normalises it). */
function probe(origin: string, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    bytes: number;
  }>((done, fail) => {
    const req = request(`${origin}/`, { method, path, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on("error", fail);
    req.end();
  });
}

async function measure() {
  const built = resolve(import.meta.dirname, "../apps/web/dist");
  const dist = mkdtempSync(join(tmpdir(), "portal-assets-bench-"));
  cpSync(built, dist, { recursive: true });
  // What must never be served: a file beside the assets folder, and a dotfile inside it.
  writeFileSync(join(dist, "secret.json"), '{"secret":true}');
  writeFileSync(join(dist, "assets", ".env"), "SECRET=1");
  const assets = readdirSync(join(dist, "assets"));
  const js = assets.find((name) => /^index-.*\.js$/.test(name));
  const css = assets.find((name) => name.endsWith(".css"));
  if (!js || !css) throw new Error(`no built bundle in ${built}: run \`pnpm --filter @portal/web build\``);

  const child = spawn(process.execPath, [import.meta.filename, "serve", dist], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((done) =>
    child.stdout.once("data", (data) => done(String(data).trim())),
  );
  const origin = `http://127.0.0.1:${port}`;
  const pid = child.pid ?? 0;

  const ALL = "gzip, deflate, br, zstd";
  const bundle = `/assets/${js}`;
  const probes: [string, string, string, Record<string, string>][] = [
    ["bundle, br", "GET", bundle, { "accept-encoding": ALL }],
    ["bundle, br again (the memo's answer)", "GET", bundle, { "accept-encoding": ALL }],
    ["bundle, gzip only", "GET", bundle, { "accept-encoding": "gzip" }],
    ["bundle, no encoding", "GET", bundle, {}],
    ["bundle, br refused (q=0)", "GET", bundle, { "accept-encoding": "br;q=0, gzip" }],
    ["stylesheet, br", "GET", `/assets/${css}`, { "accept-encoding": ALL }],
    ["bundle, HEAD", "HEAD", bundle, { "accept-encoding": ALL }],
    ["bundle, Range 0-99", "GET", bundle, { range: "bytes=0-99" }],
    ["bundle, Range past the end", "GET", bundle, { range: "bytes=99999999-" }],
    ["bundle.br by its own name", "GET", `${bundle}.br`, {}],
    ["bundle, If-Modified-Since", "GET", bundle, { "if-modified-since": new Date().toUTCString() }],
    ["bundle, POST", "POST", bundle, {}],
    ["missing asset", "GET", "/assets/index-nothere.js", {}],
    ["..%2f..%2fpackage.json", "GET", "/assets/..%2f..%2fpackage.json", {}],
    ["..%2fsecret.json", "GET", "/assets/..%2fsecret.json", {}],
    ["%2e%2e/secret.json", "GET", "/assets/%2e%2e/secret.json", {}],
    ["%2e%2e/", "GET", "/assets/%2e%2e/", {}],
    ["..%5csecret.json", "GET", "/assets/..%5csecret.json", {}],
    ["%252e%252e (double)", "GET", "/assets/%252e%252e/secret.json", {}],
    ["encoded NUL", "GET", `${bundle}%00.html`, {}],
    ["bare NUL escape", "GET", "/assets/%00", {}],
    ["dotfile .env", "GET", "/assets/.env", {}],
    ["%2eenv (encoded dot)", "GET", "/assets/%2eenv", {}],
    ["double slash", "GET", `/assets//${js}`, {}],
    ["bad escape %zz", "GET", "/assets/%zz", {}],
  ];
  const HEADERS = ["content-type", "content-encoding", "content-length", "cache-control", "vary", "etag"];
  HEADERS.push("last-modified", "content-range");
  console.log(`| probe | status | bytes | ${HEADERS.join(" | ")} |`);
  console.log(`|${" --- |".repeat(HEADERS.length + 3)}`);
  for (const [name, method, path, headers] of probes) {
    const answer = await probe(origin, method, path, headers);
    const cells = HEADERS.map((header) => String(answer.headers[header] ?? "–"));
    console.log(`| ${name} | ${answer.status} | ${answer.bytes} | ${cells.join(" | ")} |`);
  }

  console.log(
    `\n| load (${CONNECTIONS} connections, ${SECONDS} s) | req/s | bytes/response | p50 / p99 ms | server CPU µs/request | non-2xx |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  const loads: [string, string, Record<string, string>][] = [
    ["bundle, br", bundle, { "accept-encoding": ALL }],
    ["bundle, gzip", bundle, { "accept-encoding": "gzip" }],
    ["bundle, none", bundle, {}],
    ["missing asset (404)", "/assets/index-nothere.js", {}],
  ];
  for (const [name, path, headers] of loads) {
    const before = cpuMsOf(pid);
    const result = await autocannon({
      url: `${origin}${path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    const cpuUs = ((cpuMsOf(pid) - before) * 1000) / Math.max(1, result.requests.total);
    const perResponse = result.requests.total ? result.throughput.total / result.requests.total : 0;
    console.log(
      `| ${name} | ${Math.round(result.requests.average).toLocaleString("en-US")} | ${Math.round(perResponse).toLocaleString("en-US")} | ${result.latency.p50} / ${result.latency.p99} | ${Math.round(cpuUs)} | ${result.non2xx} |`,
    );
  }
  child.kill();
  rmSync(dist, { recursive: true, force: true });
}

if (process.argv[2] === "serve") await serve(process.argv[3] ?? "");
else await measure();
