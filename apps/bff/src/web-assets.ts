import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

// The built app's hashed assets, compressed once (brotli and gzip) the first time each is asked
// for and then served from memory: the script is a third of its size on the wire, and no request
// pays for compression. Anything that is not a built asset falls through.

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".webp": "image/webp",
};
const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".json"]);

interface Asset {
  type: string;
  raw: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
}

function load(file: string): Asset | null {
  try {
    if (!statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  const ext = extname(file);
  const raw = readFileSync(file);
  const compress = COMPRESSIBLE.has(ext) && raw.length > 1024;
  return {
    type: TYPES[ext] ?? "application/octet-stream",
    raw,
    br: compress ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
    gzip: compress ? gzipSync(raw, { level: 9 }) : null,
  };
}

export function webAssets(webDist: string): MiddlewareHandler {
  const root = join(webDist, "assets");
  const cache = new Map<string, Asset>();
  return async (c, next) => {
    let file: string;
    try {
      file = normalize(join(webDist, decodeURIComponent(c.req.path)));
    } catch {
      return next(); // a malformed escape is no asset of ours
    }
    // Only files inside the assets folder: `..` cannot climb out of it.
    if (!file.startsWith(`${root}${sep}`)) return next();
    let asset = cache.get(file);
    if (!asset) {
      // Only files that exist are remembered, so made-up paths cannot grow the cache.
      const loaded = load(file);
      if (!loaded) return next();
      asset = loaded;
      cache.set(file, asset);
    }
    const accepts = c.req.header("accept-encoding") ?? "";
    const [body, encoding] =
      asset.br && /\bbr\b/.test(accepts)
        ? [asset.br, "br"]
        : asset.gzip && /\bgzip\b/.test(accepts)
          ? [asset.gzip, "gzip"]
          : [asset.raw, null];
    return c.body(new Uint8Array(body), 200, {
      "content-type": asset.type,
      "cache-control": "public, max-age=31536000, immutable",
      vary: "accept-encoding",
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
  };
}
