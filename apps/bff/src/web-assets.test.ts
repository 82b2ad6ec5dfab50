import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webAssets } from "./web-assets.ts";

// The built app's assets over real HTTP on loopback, mounted as server.ts mounts them, with paths
// sent exactly as written (a fetch or `app.request` would normalise `..` and `%2e%2e` before the
// server saw them). The dist folder is laid out as the web build writes it: .br and .gz beside each
// compressible asset.

const script = `console.log(${JSON.stringify("portal ".repeat(500))});`;
const css = `body{color:red}${".x{margin:0}".repeat(200)}`;
let dist: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "portal-assets-"));
  mkdirSync(join(dist, "assets", "sub"), { recursive: true });
  const asset = (name: string, body: string, compressed = true) => {
    writeFileSync(join(dist, "assets", name), body);
    if (!compressed) return;
    writeFileSync(join(dist, "assets", `${name}.br`), brotliCompressSync(body));
    writeFileSync(join(dist, "assets", `${name}.gz`), gzipSync(body));
  };
  asset("index-abc123.js", script);
  asset("index-abc123.css", css);
  asset("tiny-abc123.js", "export{};", false);
  asset("kept-abc123.js", script);
  // Never to be served: a dotfile in the folder, files beside it, and a folder's index.
  writeFileSync(join(dist, "assets", ".env"), "SECRET=assets-dotfile");
  writeFileSync(join(dist, "secret.json"), '{"secret":"beside the assets"}');
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>unbranded</title>");
  writeFileSync(join(dist, "assets", "sub", "index.html"), "<p>a folder's index</p>");
  const app = new Hono();
  app.use("/assets/*", webAssets(dist));
  server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  rmSync(dist, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with the path exactly as written. */
function send(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(`${origin}/`, { method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

const SCRIPT = "/assets/index-abc123.js";
const IMMUTABLE = "public, max-age=31536000, immutable";

describe("built assets", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br", (body: Buffer) => brotliDecompressSync(body)],
    ["br", "br", (body: Buffer) => brotliDecompressSync(body)],
    ["gzip", "gzip", (body: Buffer) => gunzipSync(body)],
    // A refused encoding is not sent, whatever the browser lists first.
    ["br;q=0, gzip", "gzip", (body: Buffer) => gunzipSync(body)],
    ["identity", undefined, (body: Buffer) => body],
    ["", undefined, (body: Buffer) => body],
  ])("Accept-Encoding %j gets %s, the same script, cached for a year", async (accept, encoding, decode) => {
    const answer = await send(SCRIPT, accept ? { "accept-encoding": accept } : {});
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe(encoding);
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe(IMMUTABLE);
    // Also on the uncompressed answer, so no shared cache hands it to a browser that takes br.
    expect(answer.headers.vary).toBe("accept-encoding");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(decode(answer.body).toString()).toBe(script);
    if (encoding) expect(answer.body.length).toBeLessThan(script.length / 5);
  });

  it("serves a stylesheet as CSS, compressed", async () => {
    const answer = await send("/assets/index-abc123.css", { "accept-encoding": "br" });
    expect(answer.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(brotliDecompressSync(answer.body).toString()).toBe(css);
  });

  it("serves an asset the build left uncompressed as it is, whatever the browser accepts", async () => {
    const answer = await send("/assets/tiny-abc123.js", { "accept-encoding": "gzip, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe("export{};");
  });

  it("answers HEAD with the headers and length of the GET, and no body", async () => {
    const get = await send(SCRIPT, { "accept-encoding": "br" });
    const head = await send(SCRIPT, { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(get.body.length));
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.headers["cache-control"]).toBe(IMMUTABLE);
  });

  it.each([
    ["bytes=0-9", 206, "bytes 0-9/", script.slice(0, 10), IMMUTABLE],
    ["bytes=-5", 206, `bytes ${script.length - 5}-${script.length - 1}/`, script.slice(-5), IMMUTABLE],
    // A refusal is about this request's range, not the file: no cache may keep it for a year.
    [`bytes=${script.length}-`, 416, "bytes */", "", undefined],
  ])("answers Range %s with %i", async (range, status, contentRange, body, cacheControl) => {
    const answer = await send(SCRIPT, { range });
    expect(answer.status).toBe(status);
    expect(answer.headers["content-range"]).toBe(`${contentRange}${script.length}`);
    expect(answer.body.toString()).toBe(body);
    expect(answer.headers["cache-control"]).toBe(cacheControl);
  });

  it.each([
    "/assets/index-nothere.js",
    "/assets/",
    "/assets/sub/",
    "/assets/sub",
    // Out of the folder, however it is written.
    "/assets/../secret.json",
    "/assets/..%2fsecret.json",
    "/assets/..%2f..%2fpackage.json",
    "/assets/%2e%2e/secret.json",
    "/assets/%2E%2E%2Fsecret.json",
    "/assets/%2e%2e/",
    "/assets/..%5csecret.json",
    "/assets/%252e%252e/secret.json",
    "/assets//etc/passwd",
    `//assets/${SCRIPT.slice(8)}`,
    `/assets//${SCRIPT.slice(8)}`,
    // A NUL, encoded or cut short.
    `${SCRIPT}%00.html`,
    "/assets/%00",
    "/assets/%zz",
    // Dotfiles, encoded or not.
    "/assets/.env",
    "/assets/%2eenv",
    "/assets/sub/../.env",
    // The compressed files are the script's encodings, not addresses of their own.
    `${SCRIPT}.br`,
    `${SCRIPT}.gz`,
  ])("answers 404 for %s and serves nothing it should not", async (path) => {
    const answer = await send(path, { "accept-encoding": "br, gzip" });
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toMatch(/SECRET|secret|unbranded|index|portal/);
    // The folder's own 404 is kept nowhere: during a rolling deploy the next instance may have the
    // file. (Paths the URL parser takes out of the folder, `..` and `%2e%2e`, are not its to answer.)
    const inFolder = new URL(`${origin}${path}`).pathname.startsWith("/assets/");
    expect(answer.headers["cache-control"]).toBe(inFolder ? "no-store" : undefined);
  });

  it("never sees a raw backslash: Node refuses the request line", async () => {
    expect((await send("/assets/..\\secret.json")).status).toBe(400);
  });

  it("answers a repeated request from memory, byte for byte as the first, and each encoding apart", async () => {
    const KEPT = "/assets/kept-abc123.js";
    const first = await send(KEPT, { "accept-encoding": "br" });
    expect(first.headers["content-encoding"]).toBe("br");
    // Gone from disk: only the memory can answer now, and it answers exactly what the library did.
    rmSync(join(dist, "assets", "kept-abc123.js.br"));
    const again = await send(KEPT, { "accept-encoding": "br" });
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    for (const header of ["content-type", "content-encoding", "content-length", "last-modified"])
      expect(again.headers[header]).toBe(first.headers[header]);
    expect(again.headers["cache-control"]).toBe(IMMUTABLE);
    expect(again.headers.vary).toBe("accept-encoding");
    // Another Accept-Encoding is another answer: the library's, from the files still there.
    const gzip = await send(KEPT, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    // Neither a Range nor a HEAD is replayed: the library answers them from disk.
    const range = await send(KEPT, { "accept-encoding": "br", range: "bytes=0-9" });
    expect(range.status).toBe(206);
    expect(range.headers["content-encoding"]).toBeUndefined();
    expect(range.body.toString()).toBe(script.slice(0, 10));
    const head = await send(KEPT, { "accept-encoding": "br" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.headers["content-length"]).toBe(
      String(statSync(join(dist, "assets", "kept-abc123.js")).size),
    );
  });

  it.each(["POST", "PUT", "DELETE"])("serves nothing to %s", async (method) => {
    const answer = await send(SCRIPT, {}, method);
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain("portal");
  });
});
