import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";
import { errorBody } from "./errors.ts";
import { createAssetMemo, memoKey } from "./web-assets-memo.ts";

// The built app's hashed assets, served by @hono/node-server's serveStatic from the files the web
// build writes: each compressible one also as .br and .gz beside it (apps/web/vite.config.ts), so no
// request pays for compression. The library picks the encoding the browser accepts, answers HEAD and
// Range, and refuses `..` segments, backslashes, doubled slashes and escapes it will not decode
// (%2F, %5C, %25); it knows the MIME types. What it leaves to us: only files the build writes are
// served (no dotfile, no folder's index.html, no .br or .gz by its own name), and a hashed name never
// changes, so its answer is cached for a year and varies by encoding (also when the browser asked for
// none, so that no shared cache keeps the uncompressed one for everyone). Everything else under
// /assets/ is a 404 that no cache keeps: during a rolling deploy another instance may have the file.
// A plain GET the library has answered once is answered again from memory (web-assets-memo.ts).

/** What the build writes into the folder: flat files, each with an extension, none a dotfile. */
const ASSET_PATH = /^\/assets\/[^/.][^/]*\.[A-Za-z0-9]+$/;
/** The encodings beside a file: served as that file's body, never under their own name. */
const ENCODED_COPY = /\.(?:br|gz|zst)$/;

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * In the one error shape (errors.ts), like every other answer that finds nothing; without the path,
 * which may be anything the sender wrote.
 */
const notFound = (c: Context) =>
  c.json(
    errorBody(
      c,
      "not_found",
      "No such file here: it may belong to an older or a newer build. Reload the page.",
    ),
    404,
    { "cache-control": "no-store" },
  );

/** Answers every request under /assets/: mount it there, with nothing after it. */
export function webAssets(webDist: string): MiddlewareHandler {
  // The file the library sent, per request (it calls `next` when it found none).
  const found = new WeakMap<Context, string>();
  const files = serveStatic({
    root: webDist,
    precompressed: true,
    onFound: (file, c) => {
      found.set(c, file);
    },
  });
  const memo = createAssetMemo();
  return async (c) => {
    // `c.req.path` is decoded already (`%2e` is a dot here). Anything else (a folder, whose index the
    // library would serve; a dotfile) is not found.
    const path = c.req.path;
    if (!ASSET_PATH.test(path) || ENCODED_COPY.test(path)) return notFound(c);
    const key = memoKey(path, c.req.method, c.req.header("range"), c.req.header("accept-encoding"));
    const remembered = key === null ? undefined : memo.get(key);
    if (remembered) {
      for (const [name, value] of remembered.headers) c.header(name, value);
      c.header("cache-control", IMMUTABLE);
      c.header("vary", "accept-encoding");
      return c.body(remembered.bytes, 200);
    }
    const served = await files(c, async () => {});
    const file = found.get(c);
    if (!served || file === undefined) return notFound(c);
    // Set on the answer itself: the library has made it already. Only the file's own bytes are
    // cached; a 416 says something about one request's Range, not about the file.
    if (served.status === 200 || served.status === 206) {
      served.headers.set("cache-control", IMMUTABLE);
      served.headers.set("vary", "accept-encoding");
    }
    if (key !== null) memo.remember(key, file, served);
    return served;
  };
}
