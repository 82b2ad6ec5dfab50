import { readFileSync } from "node:fs";
import { LruMap } from "./lru-map.ts";

// The library's answers to plain GETs of hashed assets, kept in memory. serveStatic opens and streams
// the file on every request (two stats, a read stream turned into a web stream and back), about four
// times the CPU of writing bytes already in memory. A hashed file never changes, so its answer to the
// same path and the same Accept-Encoding never changes either: the library answers each such pair
// once and the memo replays it. The negotiation stays the library's: the key is the header exactly as
// sent, whatever the library makes of it.

/** What the memo replays besides the body (Content-Length comes from the bytes). */
const REPLAYED = ["content-type", "content-encoding", "last-modified"] as const;

export interface MemoOptions {
  /** Path and Accept-Encoding pairs kept; the oldest is dropped past it. Browsers send a handful. */
  maxAnswers?: number;
  /** A file larger than this is always streamed by the library. */
  maxFileBytes?: number;
}

export interface RememberedAnswer {
  headers: [string, string][];
  bytes: Uint8Array<ArrayBuffer>;
}

/** The key of a plain GET, or null when the memo takes no part (Range, an outsized header). */
export function memoKey(path: string, method: string, range: string | undefined, accept: string | undefined) {
  if (method !== "GET" || range !== undefined) return null;
  const encodings = accept ?? "";
  return encodings.length > 200 ? null : `${path}\n${encodings}`;
}

export function createAssetMemo(options: MemoOptions = {}) {
  const maxAnswers = options.maxAnswers ?? 256;
  const maxFileBytes = options.maxFileBytes ?? 4 * 1024 * 1024;
  const answers = new LruMap<string, RememberedAnswer>(maxAnswers);
  // One copy of each file on disk, shared by every key answered with it.
  const files = new Map<string, Uint8Array<ArrayBuffer>>();

  return {
    get: (key: string) => answers.get(key),

    /** Keeps the library's 200 for `key`: `file` is what it sent (the .br, the .gz or the file). */
    remember(key: string, file: string, answer: Response) {
      if (answer.status !== 200 || answers.has(key)) return;
      if (Number(answer.headers.get("content-length")) > maxFileBytes) return;
      let bytes = files.get(file);
      if (!bytes) {
        try {
          // Once per file: a few hundred kilobytes at most, from the page cache the library just read.
          bytes = readFileSync(file);
        } catch {
          return;
        }
        if (bytes.length > maxFileBytes) return;
        files.set(file, bytes);
      }
      const headers: [string, string][] = [];
      for (const name of REPLAYED) {
        const value = answer.headers.get(name);
        if (value !== null) headers.push([name, value]);
      }
      answers.set(key, { headers, bytes });
    },
  };
}
