import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";

// The built app's hashed assets, served by @hono/node-server's serveStatic from the files the web
// build writes: each compressible one also as .br and .gz beside it (apps/web/vite.config.ts), so no
// request pays for compression. The library picks the encoding the browser accepts, answers HEAD and
// Range, and refuses `..` segments, backslashes, doubled slashes and escapes it will not decode
// (%2F, %5C, %25); it knows the MIME types. What it leaves to us: only files the build writes are
// served (no dotfile, no folder's index.html), and a hashed name never changes, so its answer is
// cached for a year and varies by encoding (also when the browser asked for none, so that no shared
// cache keeps the uncompressed one for everyone). Anything else falls through (server.ts: 404).

/** What the build writes into the folder: flat files, each with an extension, none a dotfile. */
const ASSET_PATH = /^\/assets\/[^/.][^/]*\.[A-Za-z0-9]+$/;

export function webAssets(webDist: string): MiddlewareHandler {
  // The requests the library found a file for (it calls `next` for the others).
  const found = new WeakSet<Context>();
  const files = serveStatic({
    root: webDist,
    precompressed: true,
    onFound: (_path, c) => {
      found.add(c);
    },
  });
  return async (c, next) => {
    // `c.req.path` is decoded already (`%2e` is a dot here). Anything else (a folder, whose index the
    // library would serve; a dotfile) falls through.
    if (!ASSET_PATH.test(c.req.path)) return next();
    const served = await files(c, next);
    // Set on the answer itself: the library has made it already. A 404 from further on is not cached.
    if (served && found.has(c)) {
      served.headers.set("cache-control", "public, max-age=31536000, immutable");
      served.headers.set("vary", "accept-encoding");
    }
    return served;
  };
}
